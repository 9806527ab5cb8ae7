import "server-only";
import type { Database } from "@/db/client";
import { sharesOf } from "@/lib/delivery/choose-arm";
import { insertAllocation, insertHistory, latestAllocation, segmentArms } from "./traffic-queries";

const SHARE_TOLERANCE = 1e-12;

function sameShares(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && Math.abs(a[key] - b[key]) <= SHARE_TOLERANCE);
}

/** How an arm's weight changed: from null (added), to null (removed), or between two numbers. */
export interface WeightChange {
  personalized_content_id: string;
  variant_id: string | null;
  from: number | null;
  to: number | null;
}

function describeChange(change: WeightChange): string {
  const arm = `${change.variant_id ?? "arm"} (personalized content ${change.personalized_content_id})`;
  if (change.from === null) return `${arm} added`;
  if (change.to === null) return `${arm} removed`;
  return `${arm}: traffic weight changed`;
}

/**
 * Records a change of a segment's arms or weights inside the caller's transaction (which holds the segment's
 * split lock): an experiment history row of kind `weight`, and the new split (weight / sum of the segment's
 * weights) in experiment_allocations when it differs from the latest one recorded, so that each new assignment
 * can point at the shares it was made with.
 */
export async function recordWeightChange(
  segmentId: string,
  change: WeightChange,
  tx: Database,
): Promise<void> {
  if (change.from === change.to) return;
  await insertHistory(
    {
      segment_id: segmentId,
      kind: "weight",
      changes: { traffic_weight: { from: change.from, to: change.to } },
      reason: describeChange(change),
    },
    tx,
  );
  const arms = await segmentArms(segmentId, tx);
  const latest = await latestAllocation(segmentId, tx);
  const shares = sharesOf(arms);
  if (!latest || !sameShares(latest.shares, shares)) await insertAllocation(segmentId, shares, "weights", tx);
}
