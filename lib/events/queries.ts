import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** The ids among `ids` that name an existing user. */
export async function existingUserIds(ids: readonly string[], tx: Database): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id::text as id from users
      where id in (select value::uuid from jsonb_array_elements_text(${json(ids)}))`,
  );
  return new Set(rows.map((row) => row.id));
}

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
 * The ids among `ids` that name existing personalized content. With `lock`, the rows are locked in id order
 * until the transaction ends (FOR NO KEY UPDATE: it does not block the foreign-key checks of concurrent
 * event inserts, which take KEY SHARE, so a batch holding the lock never waits for one that needs it).
 */
export async function existingContentIds(
  ids: readonly string[],
  options: { lock: boolean },
  tx: Database,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    options.lock
      ? sql`select id::text as id from personalized_content
          where id in (select value::uuid from jsonb_array_elements_text(${json(ids)}))
          order by id for no key update`
      : sql`select id::text as id from personalized_content
          where id in (select value::uuid from jsonb_array_elements_text(${json(ids)}))`,
  );
  return new Set(rows.map((row) => row.id));
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

/** What a batch stored, per personalized content item and UTC day; `id` null for events without one. */
export interface InsertedGroup {
  id: string | null;
  day: string;
  views: number;
  engagement: number;
  conversions: number;
  stored: number;
}

/**
 * Stores the events in ONE statement. An event_id already stored is skipped (ON CONFLICT on the partial
 * unique index, whose predicate must be repeated for PostgreSQL to infer it); a concurrent insert of the same
 * event_id makes this statement wait for that transaction and then skip the row. Rows go in event_id order,
 * so that two batches sharing ids wait for each other in one direction only. Answers what was stored,
 * grouped for the counters: the rows skipped are exactly the duplicates.
 */
export async function insertEvents(rows: readonly EventRow[], tx: Database): Promise<InsertedGroup[]> {
  if (rows.length === 0) return [];
  return queryRows<InsertedGroup>(
    tx,
    sql`with stored as (
        insert into events (event_id, user_id, name, personalized_content_id, occurred_at, properties, value)
        select e.event_id, e.user_id, e.name, e.personalized_content_id, e.occurred_at, coalesce(e.properties, '{}'), e.value
        from jsonb_to_recordset(${json(rows)}) as e(event_id text, user_id uuid, name text,
          personalized_content_id uuid, occurred_at timestamptz, properties jsonb, value float8)
        order by e.event_id collate "C" nulls last
        on conflict (event_id) where event_id is not null do nothing
        returning name, personalized_content_id, occurred_at
      )
      select personalized_content_id::text as id,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day,
        (count(*) filter (where name = 'content_view'))::int as views,
        (count(*) filter (where name = 'content_engagement'))::int as engagement,
        (count(*) filter (where name = 'content_conversion'))::int as conversions,
        count(*)::int as stored
      from stored group by 1, 2`,
  );
}
