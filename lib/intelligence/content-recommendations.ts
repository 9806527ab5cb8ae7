import { type BetaPrior, fitBetaPrior, posteriorRate } from "./beta-binomial";
import type { ContentRecommendation } from "./recommendation-schemas";

export interface EvidenceUnit {
  segment_id: string;
  content_id: string;
  title: string;
  content_type: string;
  views: number;
  engagements: number;
}

export interface SegmentSimilarity {
  segment_id: string;
  segment_name: string;
  /** Share of the target's members who are also in this segment, 0–1. */
  shared_members: number;
  criteria_similarity: number;
}

/**
 * Evidence from a segment that shares neither members nor conditions still says something about the
 * content: it counts with this floor weight rather than not at all.
 */
export const MIN_SIMILARITY_WEIGHT = 0.05;

/** 1 − (1 − overlap)(1 − criteria): either kind of likeness makes segments alike; floored (see above). */
export function similarityWeight(
  similarity: Pick<SegmentSimilarity, "shared_members" | "criteria_similarity">,
): number {
  const combined = 1 - (1 - similarity.shared_members) * (1 - similarity.criteria_similarity);
  return Math.max(MIN_SIMILARITY_WEIGHT, Math.min(1, combined));
}

const percent = (value: number) => `${Math.round(100 * value)}%`;

function reasonFor(source: ContentRecommendation["top_source"], otherSegments: number): string {
  const likeness =
    source.shared_members > 0
      ? `which shares ${percent(source.shared_members)} of this segment's members`
      : source.criteria_similarity > 0
        ? `whose criteria share ${percent(source.criteria_similarity)} of their conditions with this segment's`
        : "which has no members or conditions in common with this segment";
  const more =
    otherSegments > 1
      ? ` (and evidence from ${otherSegments - 1} more segment${otherSegments > 2 ? "s" : ""})`
      : "";
  return `${percent(source.engagement)} engagement over ${source.views.toLocaleString("en-US")} views in ${source.segment_name}, ${likeness}${more}.`;
}

/**
 * Ranks the content not yet used in the target segment by its expected engagement there. The prior is
 * fitted across every segment × content unit; each other segment's evidence enters the posterior scaled by
 * its similarity weight (a power prior, Ibrahim & Chen 2000): Beta(α + Σ w·e, β + Σ w·(n − e)). So a content
 * item seen a handful of times stays near the prior mean and cannot top the list.
 */
export function rankContentForSegment(
  targetSegmentId: string,
  units: readonly EvidenceUnit[],
  similarities: ReadonlyMap<string, SegmentSimilarity>,
  limit: number,
): { prior: BetaPrior; items: ContentRecommendation[] } {
  const prior = fitBetaPrior(units.map((unit) => ({ successes: unit.engagements, trials: unit.views })));
  const used = new Set(
    units.filter((unit) => unit.segment_id === targetSegmentId).map((unit) => unit.content_id),
  );
  const byContent = new Map<string, EvidenceUnit[]>();
  for (const unit of units) {
    if (unit.segment_id === targetSegmentId || used.has(unit.content_id) || unit.views <= 0) continue;
    if (!similarities.has(unit.segment_id)) continue;
    byContent.set(unit.content_id, [...(byContent.get(unit.content_id) ?? []), unit]);
  }
  const items: ContentRecommendation[] = [];
  for (const [contentId, evidence] of byContent) {
    let weightedSuccesses = 0;
    let weightedTrials = 0;
    let best: { weight: number; source: ContentRecommendation["top_source"] } | undefined;
    for (const unit of evidence) {
      const similarity = similarities.get(unit.segment_id) as SegmentSimilarity;
      const weight = similarityWeight(similarity);
      const successes = Math.min(unit.engagements, unit.views);
      weightedSuccesses += weight * successes;
      weightedTrials += weight * unit.views;
      const contribution = weight * unit.views;
      if (!best || contribution > best.weight) {
        best = {
          weight: contribution,
          source: {
            segment_id: unit.segment_id,
            segment_name: similarity.segment_name,
            engagement: successes / unit.views,
            views: unit.views,
            shared_members: similarity.shared_members,
            criteria_similarity: similarity.criteria_similarity,
          },
        };
      }
    }
    if (!best) continue;
    const posterior = posteriorRate(prior, weightedSuccesses, weightedTrials);
    items.push({
      content_id: contentId,
      title: evidence[0].title,
      content_type: evidence[0].content_type,
      expected_engagement: posterior.estimate,
      lower_95: posterior.lower_95,
      upper_95: posterior.upper_95,
      evidence: {
        segments: evidence.length,
        views: evidence.reduce((sum, unit) => sum + unit.views, 0),
        engagements: evidence.reduce((sum, unit) => sum + Math.min(unit.engagements, unit.views), 0),
        effective_views: weightedTrials,
      },
      top_source: best.source,
      reason: reasonFor(best.source, evidence.length),
    });
  }
  items.sort(
    (a, b) =>
      b.expected_engagement - a.expected_engagement ||
      b.lower_95 - a.lower_95 ||
      a.content_id.localeCompare(b.content_id),
  );
  return { prior, items: items.slice(0, limit) };
}
