import "server-only";
import { notFound } from "@/lib/api/errors";
import { findSegmentSummaries, readOverlapPairs } from "./queries";
import type { SegmentOverlap } from "./schemas";

/** Shared members and the Jaccard index of every pair of the given segments, in the order given. */
export async function getSegmentOverlap(ids: string[]): Promise<SegmentOverlap> {
  const found = new Map((await findSegmentSummaries(ids)).map((segment) => [segment.id, segment]));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound("Segment", missing);
  const rows = await readOverlapPairs(ids);
  return {
    segments: ids.map((id) => found.get(id)!),
    pairs: rows.map((row) => {
      const union = row.members_a + row.members_b - row.shared_members;
      return {
        segment_a: row.segment_a,
        segment_b: row.segment_b,
        shared_members: row.shared_members,
        union,
        jaccard: union > 0 ? Math.min(1, row.shared_members / union) : 0,
      };
    }),
  };
}
