import "server-only";
import type { Database } from "@/db/client";
import { readEnv } from "@/lib/env";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { deleteExpiredRows, deleteSpentCommits, type RetainedTable, retainedTables } from "./queries";

const DAY_MS = 86_400_000;
/** Rows per table per pass: with a pass a minute, up to 7.2 million a day, in statements of a few ms each. */
export const RETENTION_BATCH_SIZE = 5_000;

/**
 * One retention pass: deletes membership events, performance snapshots and finished webhook deliveries older
 * than RETENTION_DAYS, one bounded batch per table, then the commit numbers no remaining event needs. Member
 * growth and performance trends older than that are then gone; the daily totals (content_performance_daily)
 * are kept.
 */
export async function applyRetention(
  tx: Database,
  now = new Date(),
  batchSize = RETENTION_BATCH_SIZE,
): Promise<Record<RetainedTable | "segment_change_commits", number>> {
  const cutoff = new Date(now.getTime() - readEnv().RETENTION_DAYS * DAY_MS);
  const deleted = {} as Record<RetainedTable | "segment_change_commits", number>;
  for (const table of Object.keys(retainedTables) as RetainedTable[]) {
    deleted[table] = await deleteExpiredRows(table, cutoff, batchSize, tx);
  }
  // After the events: a commit whose last event this pass removed goes in the same pass.
  deleted.segment_change_commits = await deleteSpentCommits(cutoff, batchSize, tx);
  return deleted;
}

export const retentionJob: ScheduledJob = {
  name: "retention",
  intervalSeconds: 60,
  run: async (tx) => {
    await applyRetention(tx);
  },
};
