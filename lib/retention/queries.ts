import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";

/** The history tables that retention trims, with the column that dates each row. */
export const retainedTables = {
  segment_membership_events: "occurred_at",
  content_performance_history: "recorded_at",
  webhook_deliveries: "created_at",
} as const;

/**
 * A membership's latest event is kept when it is a join, however old: recordLeavesOfDeletedUsers reads it to
 * know that a deleted user was still a member. Older events of the pair, and leaves, can go.
 */
const keep = {
  segment_membership_events: sql`and (e.event = 'leave' or exists (
    select 1 from segment_membership_events later
    where later.segment_id = e.segment_id and later.user_id = e.user_id and later.id > e.id))`,
  content_performance_history: sql``,
  // The delivery log: a pending delivery is still the outbox, however old.
  webhook_deliveries: sql`and e.status <> 'pending'`,
} satisfies Record<keyof typeof retainedTables, SQL>;

export type RetainedTable = keyof typeof retainedTables;

/**
 * Deletes at most `limit` rows older than `cutoff` from one history table, oldest ids first; answers how
 * many. Bounded so that one pass is a short statement however far behind retention is.
 */
export async function deleteExpiredRows(
  table: RetainedTable,
  cutoff: Date,
  limit: number,
  tx: Database,
): Promise<number> {
  const name = sql.identifier(table);
  const column = sql.identifier(retainedTables[table]);
  const [row] = await queryRows<{ deleted: number }>(
    tx,
    sql`with expired as (
          select id from ${name} e where e.${column} < ${cutoff.toISOString()}::timestamptz ${keep[table]}
          order by id limit ${limit}
        ),
        deleted as (delete from ${name} t using expired where t.id = expired.id returning 1)
        select count(*)::int as deleted from deleted`,
  );
  return Number(row.deleted);
}

/**
 * Deletes at most `limit` rows of segment_change_commits older than `cutoff` that no membership event points
 * at any more (retention removed them, or the commit only wrote a revision, whose webhook messages carry
 * their own copy of the number). A segment's latest commit stays, so the end of its changes feed does not
 * move back. Unordered: the scan stops at the limit, and what it leaves the next pass takes.
 */
export async function deleteSpentCommits(cutoff: Date, limit: number, tx: Database): Promise<number> {
  const [row] = await queryRows<{ deleted: number }>(
    tx,
    sql`with spent as (
          select c.txid, c.segment_id from segment_change_commits c
          where c.committed_at < ${cutoff.toISOString()}::timestamptz
            and not exists (select 1 from segment_membership_events e
                            where e.segment_id = c.segment_id and e.txid = c.txid)
            and exists (select 1 from segment_change_commits later
                        where later.segment_id = c.segment_id and later.seq > c.seq)
          limit ${limit}
        ),
        deleted as (delete from segment_change_commits t using spent
                    where t.txid = spent.txid and t.segment_id = spent.segment_id returning 1)
        select count(*)::int as deleted from deleted`,
  );
  return Number(row.deleted);
}
