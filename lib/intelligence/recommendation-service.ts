import "server-only";
import { notFound } from "@/lib/api/errors";
import { rankContentForSegment, type SegmentSimilarity } from "./content-recommendations";
import { conditionJaccard, criteriaConditions } from "./criteria-conditions";
import { readContentEvidence, readSegmentSummaries, readSharedMembers } from "./queries";
import type { ContentRecommendations, ContentRecommendationsQuery } from "./recommendation-schemas";

/** Content not yet used in the segment, ranked by its expected engagement there (see content-recommendations.ts). */
export async function recommendContent(
  segmentId: string,
  query: ContentRecommendationsQuery,
): Promise<ContentRecommendations> {
  // Independent reads: on PostgreSQL they run on separate connections at once.
  const [segments, units, shared] = await Promise.all([
    readSegmentSummaries(),
    readContentEvidence(),
    readSharedMembers(segmentId),
  ]);
  const target = segments.find((segment) => segment.id === segmentId);
  if (!target) throw notFound("Segment", segmentId);
  const targetConditions = criteriaConditions(target.criteria);
  const sharedBySegment = new Map(shared.map((row) => [row.segment_id, row.shared]));
  const similarities = new Map<string, SegmentSimilarity>();
  for (const segment of segments) {
    if (segment.id === segmentId) continue;
    similarities.set(segment.id, {
      segment_id: segment.id,
      segment_name: segment.segment_name,
      shared_members:
        target.member_count > 0
          ? Math.min(1, (sharedBySegment.get(segment.id) ?? 0) / target.member_count)
          : 0,
      criteria_similarity: conditionJaccard(targetConditions, criteriaConditions(segment.criteria)),
    });
  }
  const { prior, items } = rankContentForSegment(segmentId, units, similarities, query.limit);
  return {
    segment_id: segmentId,
    prior: { ...prior, mean: prior.alpha / (prior.alpha + prior.beta) },
    items,
  };
}
