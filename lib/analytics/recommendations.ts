import type { Recommendation } from "./schemas";
import { ANALYTICS_THRESHOLDS as T } from "./thresholds";

export interface RecommendationInput {
  member_count: number;
  content_count: number;
  total_views: number;
  /** Percent, view-weighted. */
  avg_engagement_rate: number;
}

const priorityOrder = { high: 0, medium: 1, low: 2 } as const;

function engagementAdvice(input: RecommendationInput): Recommendation {
  const rate = input.avg_engagement_rate;
  const metric = "avg_engagement_rate";
  if (rate < T.lowEngagementRate) {
    return {
      type: "refine_criteria",
      priority: "high",
      message: `Low engagement (${rate}%, under ${T.lowEngagementRate}%): refine the segment criteria to reach a more interested audience.`,
      metric,
      value: rate,
      threshold: T.lowEngagementRate,
    };
  }
  if (rate < T.highEngagementRate) {
    return {
      type: "ab_test_content",
      priority: "medium",
      message: `Moderate engagement (${rate}%, under ${T.highEngagementRate}%): A/B test content variations to find what works better.`,
      metric,
      value: rate,
      threshold: T.highEngagementRate,
    };
  }
  return {
    type: "scale_up_content",
    priority: "medium",
    message: `High engagement (${rate}%, ${T.highEngagementRate}% or more): scale up content for this segment.`,
    metric,
    value: rate,
    threshold: T.highEngagementRate,
  };
}

/** The spec's four recommendations, plus what to do when there is no content or too little data yet. */
export function buildRecommendations(input: RecommendationInput): Recommendation[] {
  const advice: Recommendation[] = [];
  if (input.content_count === 0) {
    advice.push({
      type: "create_content",
      priority: "high",
      message: "This segment has no personalized content yet: create some to start measuring engagement.",
      metric: "content_count",
      value: 0,
      threshold: 1,
    });
  } else if (input.total_views < T.minViewsForEngagementAdvice) {
    advice.push({
      type: "collect_more_data",
      priority: "low",
      message: `Only ${input.total_views} views so far: collect at least ${T.minViewsForEngagementAdvice} before judging engagement.`,
      metric: "total_views",
      value: input.total_views,
      threshold: T.minViewsForEngagementAdvice,
    });
  } else {
    advice.push(engagementAdvice(input));
  }
  if (input.member_count < T.minMembers) {
    advice.push({
      type: "broaden_criteria",
      priority: input.member_count === 0 ? "high" : "medium",
      message: `Small segment (${input.member_count} members, under ${T.minMembers}): broaden the criteria to reach more people.`,
      metric: "member_count",
      value: input.member_count,
      threshold: T.minMembers,
    });
  }
  return advice.sort((a, b) => priorityOrder[a.priority] - priorityOrder[b.priority]);
}
