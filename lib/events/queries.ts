import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";
import { counterUpdateCtes, dailyUpsert } from "@/lib/personalized/performance-queries";

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * The id of the profile behind each external id, creating a bare profile for each unknown one. Safe under
 * concurrency: ON CONFLICT waits for a concurrent insert of the same external_id and then skips it, and the
 * SELECT that follows is a new statement, so it sees that committed row. Ids are inserted in sorted order,
 * so that two batches cannot each hold a row the other waits for.
 */
export async function resolveExternalIds(
  externalIds: readonly string[],
  tx: Database,
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const sorted = [...externalIds].sort();
  await tx.execute(
    sql`insert into users (external_id)
      select value from jsonb_array_elements_text(${json(sorted)}) order by value collate "C"
      on conflict (external_id) do nothing`,
  );
  const rows = await queryRows<{ id: string; external_id: string }>(
    tx,
    sql`select id::text as id, external_id from users
      where external_id in (select jsonb_array_elements_text(${json(sorted)}))`,
  );
  return new Map(rows.map((row) => [row.external_id, row.id]));
}

/**
 * Which of the ids exist, in ONE round trip: users, content that counts (the reserved events' items, locked in
 * id order until the transaction ends) and content only referred to. The lock is FOR NO KEY UPDATE: it does not
 * block the foreign-key checks of concurrent event inserts (KEY SHARE), so a batch holding it never waits for
 * one that needs it; batches that count on the same items take their locks in the same order.
 */
export async function existingReferences(
  ids: { users: readonly string[]; counted: readonly string[]; referenced: readonly string[] },
  tx: Database,
): Promise<{ users: Set<string>; counted: Set<string>; referenced: Set<string> }> {
  const list = (values: readonly string[]) =>
    sql`select value::uuid from jsonb_array_elements_text(${json(values)})`;
  const [row] = await queryRows<{ users: string[]; counted: string[]; referenced: string[] }>(
    tx,
    sql`with locked as (
        select id from personalized_content where id in (${list(ids.counted)}) order by id for no key update
      )
      select
        (select coalesce(jsonb_agg(id), '[]') from users where id in (${list(ids.users)})) as users,
        (select coalesce(jsonb_agg(id), '[]') from locked) as counted,
        (select coalesce(jsonb_agg(id), '[]') from personalized_content where id in (${list(ids.referenced)}))
          as referenced`,
  );
  return { users: new Set(row.users), counted: new Set(row.counted), referenced: new Set(row.referenced) };
}

export interface EventRow {
  event_id: string | null;
  user_id: string;
  name: string;
  personalized_content_id: string | null;
  occurred_at: string;
  properties: Record<string, unknown>;
  value: number | null;
}

/**
 * Stores the events and counts the reserved ones, in ONE statement. An event_id already stored is skipped (ON
 * CONFLICT on the partial unique index, whose predicate must be repeated for PostgreSQL to infer it); a
 * concurrent insert of the same event_id makes this statement wait for that transaction and then skip the
 * row. Rows go in event_id order, so that two batches sharing ids wait for each other in one direction only.
 * Only the rows stored — never the duplicates — add to their item's counters, history and daily rows (the
 * performance code's own statements, fed from the rows stored). Answers how many were stored.
 */
export async function insertEvents(rows: readonly EventRow[], tx: Database): Promise<number> {
  if (rows.length === 0) return 0;
  const [result] = await queryRows<{ stored: number }>(
    tx,
    sql`with stored as (
        insert into events (event_id, user_id, name, personalized_content_id, occurred_at, properties, value)
        select e.event_id, e.user_id, e.name, e.personalized_content_id, e.occurred_at, coalesce(e.properties, '{}'), e.value
        from jsonb_to_recordset(${json(rows)}) as e(event_id text, user_id uuid, name text,
          personalized_content_id uuid, occurred_at timestamptz, properties jsonb, value float8)
        order by e.event_id collate "C" nulls last
        on conflict (event_id) where event_id is not null do nothing
        returning name, personalized_content_id, occurred_at
      ), groups as (
        select personalized_content_id as id, (occurred_at at time zone 'UTC')::date as day,
          (count(*) filter (where name = 'content_view'))::int as views,
          (count(*) filter (where name = 'content_engagement'))::int as engagement,
          (count(*) filter (where name = 'content_conversion'))::int as conversions,
          count(*)::int as stored
        from stored group by 1, 2
      ), content_days as (
        select id, day, views, engagement, conversions from groups
        where id is not null and views + engagement + conversions > 0
      ), deltas as (
        select id, sum(views)::int as views, sum(engagement)::int as engagement, sum(conversions)::int as conversions
        from content_days group by id
      ), ${counterUpdateCtes(sql`select * from deltas`, { guardRatios: false })},
      daily as (${dailyUpsert(sql`select * from content_days`)})
      select coalesce(sum(stored), 0)::int as stored from groups`,
  );
  return result.stored;
}
