import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows, queryRowsPrepared } from "@/db/rows";
import { counterUpdateCtes, dailyUpsert } from "@/lib/personalized/performance-queries";
import { PURCHASE_EVENT } from "./schemas";

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

/** Which of the ids exist, in ONE round trip (a batch whose foreign keys failed reads them to say which). */
export async function existingReferences(
  ids: { users: readonly string[]; content: readonly string[] },
  tx: Database,
): Promise<{ users: Set<string>; content: Set<string> }> {
  const list = (values: readonly string[]) =>
    sql`select value::uuid from jsonb_array_elements_text(${json(values)})`;
  const [row] = await queryRowsPrepared<{ users: string[]; content: string[] }>(
    tx,
    sql`select
        (select coalesce(jsonb_agg(id), '[]') from users where id in (${list(ids.users)})) as users,
        (select coalesce(jsonb_agg(id), '[]') from personalized_content where id in (${list(ids.content)}))
          as content`,
  );
  return { users: new Set(row.users), content: new Set(row.content) };
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
 * Stores the events, counts the reserved ones and moves the profiles, in ONE statement (prepared: its text
 * never changes). An event_id already stored is skipped (ON CONFLICT on the partial unique index, whose
 * predicate must be repeated for PostgreSQL to infer it); a concurrent insert of the same event_id makes this
 * statement wait for that transaction and then skip the row. Rows go in event_id order, so that two batches
 * sharing ids wait for each other in one direction only. Only the rows stored — never the duplicates — add
 * to their item's counters, history and daily rows (the performance code's own statements, fed from the
 * rows stored) and move their profiles (issue 13): each `purchase` adds 1 to purchase_count and its value
 * to total_spent, and last_active_at moves forward to the latest occurred_at.
 *
 * The content items counted, then the profiles, are locked in id order by materialized CTEs that sort them
 * — so only once every event is stored, never while waiting for an event_id — and the updates join them, so
 * every lock comes in that order; concurrent batches neither lose a count nor deadlock. The totals saturate at their columns'
 * limits instead of failing the batch. None of the columns set is indexed, so the update is HOT
 * (db/schema.ts). Answers how many were stored and, per profile, what the re-evaluation needs.
 *
 * The rows arrive as one `json` document whose properties are read as text and cast: PostgreSQL 15 took
 * half as long again to read the same batch through `jsonb_to_recordset` with a jsonb field (164 vs 111 ms for
 * 10,000 events), whose values go through jsonb input one by one.
 */
export async function insertEvents(rows: readonly EventRow[], tx: Database): Promise<StoredEvents> {
  if (rows.length === 0) return { stored: 0, profiles: [] };
  const [result] = await queryRowsPrepared<{ stored: number; profiles: ProfileDelta[] | string }>(
    tx,
    sql`with stored as (
        insert into events (event_id, user_id, name, personalized_content_id, occurred_at, properties, value)
        select e.event_id, e.user_id, e.name, e.personalized_content_id, e.occurred_at,
          coalesce(e.properties::jsonb, '{}'), e.value
        from json_to_recordset(${JSON.stringify(rows)}::text::json) as e(event_id text, user_id uuid, name text,
          personalized_content_id uuid, occurred_at timestamptz, properties text, value float8)
        order by e.event_id collate "C" nulls last
        on conflict (event_id) where event_id is not null do nothing
        returning user_id, name, personalized_content_id, occurred_at, value
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
      ), locked_content as materialized (
        select id from personalized_content where id in (select id from deltas) order by id for no key update
      ), ${counterUpdateCtes(sql`select d.* from locked_content l join deltas d on d.id = l.id`, { guardRatios: false })},
      daily as (${dailyUpsert(sql`select * from content_days`)}),
      profiles as (
        select user_id, (count(*) filter (where name = ${PURCHASE_EVENT}))::int as purchases,
          coalesce(sum(coalesce(value, 0)) filter (where name = ${PURCHASE_EVENT}), 0)::float8 as spent,
          max(occurred_at) as latest, jsonb_agg(distinct name) as names
        from stored group by user_id
      ), locked_profiles as materialized (
        select id from users where id in (select user_id from profiles) order by id for no key update
      ), moved as (
        update users u set
          purchase_count = least(u.purchase_count::bigint + p.purchases, 2147483647)::int,
          total_spent = least(u.total_spent + p.spent::numeric, 9999999999.99),
          last_active_at = greatest(u.last_active_at, p.latest),
          updated_at = case when p.purchases > 0 or u.last_active_at is null or p.latest > u.last_active_at
            then now() else u.updated_at end
        from locked_profiles l join profiles p on p.user_id = l.id
        where u.id = l.id and (p.purchases > 0 or u.last_active_at is null or p.latest > u.last_active_at)
      )
      select coalesce(sum(stored), 0)::int as stored,
        (select coalesce(jsonb_agg(jsonb_build_object('user_id', user_id, 'purchases', purchases, 'names', names)
          order by user_id), '[]'::jsonb) from profiles) as profiles
      from groups`,
  );
  const profiles = typeof result.profiles === "string" ? JSON.parse(result.profiles) : result.profiles;
  return { stored: Number(result.stored), profiles };
}

/** Which event names a stored batch holds for one profile, and how many purchases: what re-evaluation reads. */
export interface ProfileDelta {
  user_id: string;
  purchases: number;
  names: string[];
}

export interface StoredEvents {
  stored: number;
  profiles: ProfileDelta[];
}
