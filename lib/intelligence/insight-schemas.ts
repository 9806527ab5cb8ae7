import { z } from "zod";
import { betaPriorSchema } from "./recommendation-schemas";

const fraction = (text: string) => z.number().min(0).max(1).describe(`${text} (fraction 0–1).`);

export const insightsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20).describe("Rows per list, 1 to 100."),
  })
  .strict();

export const segmentRankSchema = z.object({
  segment_id: z.uuid(),
  segment_name: z.string(),
  views: z.number(),
  successes: z.number().describe("Engagements or conversions, by list."),
  observed_rate: fraction("Successes per view as counted; 0 without views"),
  estimate: fraction("Posterior mean, shrunk toward the prior fitted across segments"),
  lower_95: fraction("2.5% posterior quantile"),
  upper_95: fraction("97.5% posterior quantile"),
});

const liftFields = {
  rate: fraction("Engagement rate with it"),
  rate_without: fraction("Engagement rate without it"),
  lift: z.number().nullable().describe("rate / rate_without; null when either has no engagement."),
  lift_lower_95: z.number().nullable(),
  lift_upper_95: z.number().nullable(),
};

export const conditionLiftSchema = z.object({
  condition: z.string().describe("Canonical: field, operator, value."),
  label: z.string(),
  segments: z.number().int().describe("Segments whose criteria require it."),
  views: z.number(),
  engagements: z.number(),
  ...liftFields,
});

export const profileValueLiftSchema = z.object({
  field: z.string(),
  value: z.string(),
  users: z.number().describe("Users with this value who saw personalized content."),
  engaged_users: z.number(),
  ...liftFields,
});

export const competingPairSchema = z.object({
  segment_a: z.uuid(),
  segment_a_name: z.string(),
  segment_b: z.uuid(),
  segment_b_name: z.string(),
  shared_members: z.number(),
});

export const insightsSchema = z
  .object({
    priors: z.object({ engagement: betaPriorSchema, conversion: betaPriorSchema }),
    segments_by_engagement: z.array(segmentRankSchema),
    segments_by_conversion: z.array(segmentRankSchema),
    conditions: z.array(conditionLiftSchema),
    profile_values: z.array(profileValueLiftSchema),
    competing_content: z.object({
      running_segments: z.number().int().describe("Active segments delivering personalized content."),
      users: z.number().describe("Members of two or more of them: they are offered competing content."),
      pairs: z.array(competingPairSchema).describe("Pairs of those segments sharing the most members."),
    }),
  })
  .meta({ id: "Insights" });

export type InsightsQuery = z.infer<typeof insightsQuery>;
export type Insights = z.infer<typeof insightsSchema>;
export type SegmentRank = z.infer<typeof segmentRankSchema>;
