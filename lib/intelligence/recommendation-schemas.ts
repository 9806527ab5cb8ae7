import { z } from "zod";

const fraction = (text: string) => z.number().min(0).max(1).describe(`${text} (fraction 0–1).`);

export const contentRecommendationsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(10).describe("Suggestions returned, 1 to 50."),
  })
  .strict();

export const betaPriorSchema = z
  .object({
    alpha: z.number(),
    beta: z.number(),
    mean: fraction("The prior's mean rate"),
    method: z.enum(["method_of_moments", "no_between_unit_spread", "uniform_too_few_units"]),
    units: z.number().int().describe("Units (segment × content, or segments) the prior was fitted on."),
  })
  .meta({ id: "BetaPrior" });

export const contentRecommendationSchema = z.object({
  content_id: z.uuid(),
  title: z.string(),
  content_type: z.string(),
  expected_engagement: fraction("Expected engagement per view in this segment: the posterior mean"),
  lower_95: fraction("2.5% quantile of the posterior"),
  upper_95: fraction("97.5% quantile of the posterior"),
  evidence: z.object({
    segments: z.number().int().describe("Other segments the content has views in."),
    views: z.number(),
    engagements: z.number(),
    effective_views: z.number().describe("Views after weighting each segment by its similarity to this one."),
  }),
  top_source: z.object({
    segment_id: z.uuid(),
    segment_name: z.string(),
    engagement: fraction("The content's observed engagement per view there"),
    views: z.number(),
    shared_members: fraction("Share of this segment's members who are also in that segment"),
    criteria_similarity: fraction("Jaccard index of the two segments' criteria conditions"),
  }),
  reason: z.string(),
});

export const contentRecommendationsSchema = z
  .object({
    segment_id: z.uuid(),
    prior: betaPriorSchema,
    items: z.array(contentRecommendationSchema),
  })
  .meta({ id: "ContentRecommendations" });

export type ContentRecommendationsQuery = z.infer<typeof contentRecommendationsQuery>;
export type ContentRecommendations = z.infer<typeof contentRecommendationsSchema>;
export type ContentRecommendation = z.infer<typeof contentRecommendationSchema>;
