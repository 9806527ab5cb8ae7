import "server-only";
import type { Database } from "@/db/client";
import { dependsOnTime, referencedFirst, type SegmentNode, segmentReferences } from "@/lib/criteria/ast";
import { parseCriteria } from "@/lib/criteria/parse-criteria";
import { readEnv } from "@/lib/env";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { listActiveDynamicSegments, markFresh } from "./freshness-queries";
import { lockSegment } from "./queries";
import { refreshCriteriaMembers } from "./refresh-queries";

export interface FreshnessPass {
  /** Time-dependent segments re-evaluated. */
  refreshed: number;
  added: number;
  removed: number;
}

/**
 * Issue 13, always fresh: time alone moves users across the boundaries of relative windows (a user
 * inactive for 31 days leaves "active in the last 30 days" without any write). This pass re-evaluates the
 * active dynamic segments whose criteria depend on time, and those that refer to other segments
 * (`in_segment`: a referenced segment's members may have moved through a refresh, a manual change or this
 * pass), writing only the users whose outcome changed (refreshCriteriaMembers never rewrites an unchanged
 * member), and stamps `fresh_as_of`. They are locked first, in id order (as every writer of several
 * segments locks them), then refreshed referenced-first, so that a segment of segments reads its
 * references' new members. Segments that do neither are kept exact by every write (profiles, events) and
 * are stamped too. `now` is injected so that tests control the clock.
 */
export async function refreshTimeDependentSegments(tx: Database, now: Date): Promise<FreshnessPass> {
  const pass: FreshnessPass = { refreshed: 0, added: 0, removed: 0 };
  const timeless: string[] = [];
  const due: SegmentNode[] = [];
  for (const { id, criteria } of await listActiveDynamicSegments(tx)) {
    const parsed = parseCriteria(criteria);
    if (!parsed.ok) continue;
    if (dependsOnTime(parsed.node) || segmentReferences(parsed.node).length > 0)
      due.push({ id, node: parsed.node });
    else timeless.push(id);
  }
  // A concurrent refresh or criteria change of one of them waits, or this pass does.
  const current: SegmentNode[] = [];
  for (const { id } of due) {
    const locked = await lockSegment(id, tx);
    if (locked?.status !== "active" || locked.membership_mode !== "dynamic") continue;
    const parsed = parseCriteria(locked.criteria);
    if (parsed.ok) current.push({ id, node: parsed.node });
  }
  for (const { id, node } of referencedFirst(current)) {
    const counts = await refreshCriteriaMembers(id, node, now, tx);
    pass.refreshed += 1;
    pass.added += counts.added;
    pass.removed += counts.removed;
  }
  await markFresh(timeless, now, tx);
  return pass;
}

/** The scheduled job (lib/scheduler/jobs.ts): every SEGMENT_REFRESH_INTERVAL_SECONDS, one runner at a time. */
export function segmentFreshnessJob(clock: () => Date = () => new Date()): ScheduledJob {
  return {
    name: "segment-freshness",
    intervalSeconds: readEnv().SEGMENT_REFRESH_INTERVAL_SECONDS,
    run: async (tx) => {
      await refreshTimeDependentSegments(tx, clock());
    },
  };
}
