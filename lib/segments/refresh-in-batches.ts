import "server-only";
import { raiseStatementTimeoutForJob, transaction } from "@/db/client";
import { type JobContext, JobFailure, JobInterrupted } from "@/lib/jobs/runner";
import { lockSegment } from "./queries";
import { refreshMembership } from "./refresh";
import { userIdBoundaries } from "./refresh-queries";

/**
 * A refresh of a big segment, one slice of users per transaction. Each slice is a short statement under
 * the segment lock, so other requests run between slices (on PGlite, one connection, that is the only way
 * they can) and member_count stays exact after every slice. The criteria are those the segment has at the
 * start; a change of criteria meanwhile fails the job rather than mixing two definitions.
 */
export async function refreshSegmentInBatches(
  segmentId: string,
  batchSize: number,
  context: JobContext,
): Promise<Record<string, unknown>> {
  const started = performance.now();
  const boundaries = await userIdBoundaries(batchSize);
  const ranges = [...boundaries, undefined].map((upTo, i) => ({ after: boundaries[i - 1], upTo }));
  let criteria: string | undefined;
  let before = 0;
  let added = 0;
  let removed = 0;
  let memberCount = 0;
  for (const [i, range] of ranges.entries()) {
    if (context.shouldStop()) throw new JobInterrupted();
    const outcome = await transaction(async (tx) => {
      await raiseStatementTimeoutForJob(tx);
      const segment = await lockSegment(segmentId, tx);
      if (!segment) throw new JobFailure(`Segment ${segmentId} was deleted during the refresh.`);
      const current = JSON.stringify(segment.criteria);
      if (criteria === undefined) {
        criteria = current;
        before = segment.member_count;
      } else if (current !== criteria) {
        throw new JobFailure("The segment's criteria changed during the refresh; run it again.");
      }
      return refreshMembership(segment, tx, range);
    });
    added += outcome.added;
    removed += outcome.removed;
    memberCount = outcome.member_count;
    await context.setProgress((i + 1) / ranges.length);
    // Let requests queued behind this slice run before the next one takes the database again.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    added,
    removed,
    unchanged: before - removed,
    member_count: memberCount,
    took_ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
