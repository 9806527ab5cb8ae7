import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";
import { ANALYTICS_DEFAULT_DAYS, ANALYTICS_MAX_DAYS } from "./thresholds";

export const analyticsQuery = z
  .object({
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(ANALYTICS_MAX_DAYS)
      .default(ANALYTICS_DEFAULT_DAYS)
      .describe(`Days covered by the daily series, ending today (UTC); 1 to ${ANALYTICS_MAX_DAYS}.`),
  })
  .strict();

const day = z.string().describe("A UTC day, YYYY-MM-DD.");
const percent = z.number().describe("Percent (0–100+).");

export const memberGrowthPointSchema = z.object({
  date: day,
  joins: z.number().int(),
  leaves: z.number().int(),
  net: z.number().int(),
  members: z.number().int().describe("Members at the end of the day."),
});

export const performanceSummarySchema = z.object({
  total_views: z.number(),
  total_engagement: z.number(),
  total_conversions: z.number(),
  avg_engagement_rate: percent.describe(
    "View-weighted: 100 × total engagement / total views; 0 without views.",
  ),
  conversion_rate: percent.describe("100 × total conversions / total views; 0 without views."),
  content_count: z.number().int(),
});

export const topContentSchema = z.object({
  personalized_content_id: z.uuid(),
  content_id: z.uuid(),
  title: z.string(),
  variant_id: z.string().nullable(),
  is_control: z.boolean(),
  views: z.number().int(),
  engagement: z.number().int(),
  conversions: z.number().int(),
  engagement_rate: percent,
  meets_min_views: z.boolean().describe("Whether the item has enough views to be ranked by its rate."),
});

export const engagementTrendPointSchema = z.object({
  date: day,
  views: z.number(),
  engagement: z.number(),
  conversions: z.number(),
  engagement_rate: percent,
});

export const recommendationSchema = z.object({
  type: z.enum([
    "refine_criteria",
    "ab_test_content",
    "scale_up_content",
    "broaden_criteria",
    "collect_more_data",
    "create_content",
  ]),
  priority: z.enum(["high", "medium", "low"]),
  message: z.string(),
  metric: z.string().describe("The figure that caused the recommendation."),
  value: z.number(),
  threshold: z.number(),
});

/** What is computed and stored; the response adds whether it came from the store. */
export const computedAnalyticsSchema = z.object({
  segment_id: z.uuid(),
  days: z.number().int(),
  member_count: z.number().int(),
  member_growth: z.array(memberGrowthPointSchema),
  performance_summary: performanceSummarySchema,
  top_performing_content: z.array(topContentSchema),
  engagement_trends: z.array(engagementTrendPointSchema),
  recommendations: z.array(recommendationSchema),
  computed_at: timestamp,
});

export const segmentAnalyticsSchema = computedAnalyticsSchema
  .extend({
    cached: z.boolean().describe("The stored analysis (POST /analyze) was served."),
    stale: z
      .boolean()
      .describe("A stored analysis exists but is out of date (data changed or older than 15 minutes)."),
  })
  .meta({ id: "SegmentAnalytics" });

export type AnalyticsQuery = z.infer<typeof analyticsQuery>;
export type ComputedAnalytics = z.infer<typeof computedAnalyticsSchema>;
export type SegmentAnalytics = z.infer<typeof segmentAnalyticsSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type MemberGrowthPoint = z.infer<typeof memberGrowthPointSchema>;
export type EngagementTrendPoint = z.infer<typeof engagementTrendPointSchema>;
export type TopContent = z.infer<typeof topContentSchema>;
