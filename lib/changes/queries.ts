import "server-only";
import { sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";

export interface FeedPosition {
  seq: number;
  id: number;
}

export interface ChangeRow {
  type: "join" | "leave";
  user_id: string;
  at: Date;
  source: "manual" | "criteria";
  id: number;
  seq: number;
}

/**
 * The segment's joins and leaves after `after`, in commit order: (commit number, event id). A commit number
 * is handed out under the segment's row lock and that lock is held to commit (record_segment_change_commits),
 * so when a reader sees number n, every smaller number on this segment is already visible: nothing that
 * commits later can land behind a cursor.
 */
export async function readChanges(
  segmentId: string,
  after: FeedPosition,
  limit: number,
  db?: Database,
): Promise<ChangeRow[]> {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<ChangeRow>(
    executor,
    sql`select e.event as type, e.user_id::text as user_id, e.occurred_at as at, e.source, e.id, c.seq
      from segment_change_commits c
      join segment_membership_events e on e.segment_id = c.segment_id and e.txid = c.txid
      where c.segment_id = ${segmentId}::uuid
        and (c.seq > ${after.seq} or (c.seq = ${after.seq} and e.id > ${after.id}))
      order by c.seq, e.id
      limit ${limit}`,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id), seq: Number(row.seq), at: new Date(row.at) }));
}

/** The end of the segment's feed: the last committed change (0.0 when there is none). */
export async function latestPosition(segmentId: string, db?: Database): Promise<FeedPosition> {
  const executor = await dbOrDefault(db);
  const [row] = await queryRows<{ seq: number | null; id: number | null }>(
    executor,
    sql`select c.seq, (select max(e.id) from segment_membership_events e
          where e.segment_id = c.segment_id and e.txid = c.txid) as id
      from segment_change_commits c
      where c.segment_id = ${segmentId}::uuid
      order by c.seq desc limit 1`,
  );
  return { seq: Number(row?.seq ?? 0), id: Number(row?.id ?? 0) };
}
