import { z } from "zod";
import { experimentMetrics, experimentSettingsSchema } from "./settings-schemas";

export { experimentMetrics };

/** `users`: randomized users and what they did after exposure; `views`: the counters any client can post. */
export const experimentUnits = ["users", "views"] as const;

export const experimentStatuses = [
  "no_experiment",
  "no_control",
  "single_variant",
  "collecting_data",
  "significant_winner",
  "significant_loser",
  "no_detectable_difference",
] as const;

export const experimentQuery = z
  .object({
    metric: z
      .enum(experimentMetrics)
      .optional()
      .describe(
        "What counts as a success: a conversion or an engagement. Defaults to the experiment's primary_metric.",
      ),
    mde: z.coerce
      .number()
      .gt(0)
      .max(10)
      .optional()
      .describe(
        "Minimum detectable effect, relative to the control's rate (0.1 = ±10%); sizes the test. " +
          "Defaults to the experiment's minimum_detectable_effect.",
      ),
    alpha: z.coerce
      .number()
      .gt(0)
      .max(0.2)
      .default(0.05)
      .describe("Significance level; confidence intervals are at 1 − alpha."),
  })
  .strict();

const interval = z.tuple([z.number(), z.number()]).nullable();
const rate = z.number().nullable().describe("A proportion, 0 to 1 (not a percentage).");

/** One arm's counts, as the statistics read them. */
const experimentArmSchema = z.object({
  personalized_content_id: z.uuid(),
  variant_id: z.string().nullable(),
  is_control: z.boolean(),
  title: z.string().nullable(),
  views: z
    .number()
    .int()
    .describe("Trials in the read-out's unit: users exposed to the arm (unit users), or views (unit views)."),
  successes: z
    .number()
    .int()
    .describe(
      "Users who converted (or engaged) after their exposure, or the conversion (engagement) counter.",
    ),
  traffic_weight: z.number().describe("The arm's relative traffic weight."),
  planned_share: z
    .number()
    .describe("The arm's share of new users now: its weight over the sum of the segment's weights."),
});

export const variantResultSchema = experimentArmSchema
  .extend({
    rate,
    rate_ci: interval.describe("Wilson score interval."),
    uplift_absolute: z.number().nullable().describe("rate − control rate."),
    uplift_absolute_ci: interval.describe("Newcombe hybrid score interval (method 10)."),
    uplift_relative: z.number().nullable().describe("rate / control rate − 1."),
    uplift_relative_ci: interval.describe("Delta method on the log rate ratio (Katz)."),
    p_value: z.number().nullable().describe("Two-sided two-proportion z-test (pooled) against control."),
    p_value_adjusted: z.number().nullable().describe("Holm–Bonferroni across the variants."),
    probability_to_beat_control: z
      .number()
      .nullable()
      .describe("Posterior P(rate > control rate), Beta(1, 1) priors, computed exactly."),
    significant: z
      .boolean()
      .describe("Adjusted p-value below alpha, and every group has reached the planned sample size."),
  })
  .meta({ id: "ExperimentVariant" });

export const experimentResultSchema = z
  .object({
    segment_id: z.uuid(),
    metric: z.enum(experimentMetrics),
    unit: z
      .enum(experimentUnits)
      .describe(
        "`users` when users have been exposed to the arms (randomized by decide), else `views`: the counters.",
      ),
    status: z
      .enum(experimentStatuses)
      .describe("What the data says; the experiment's own state is settings.status."),
    settings: experimentSettingsSchema,
    verdict: z.string(),
    control: variantResultSchema.nullable(),
    variants: z.array(variantResultSchema).describe("Every group, the control first."),
    sample_ratio: z.object({
      expected_shares: z
        .array(z.number())
        .describe(
          "Planned shares of the arms: per user, the shares in force when the user was assigned (unit users); " +
            "the current traffic weights (unit views).",
        ),
      observed_shares: z.array(z.number()),
      chi_square: z.number().nullable(),
      p_value: z.number().nullable(),
      mismatch: z.boolean().describe("p < 0.001: the arms' trials are not split as planned."),
    }),
    required_sample_size_per_variant: z
      .number()
      .int()
      .nullable()
      .describe(
        "Trials (users or views) per arm for 80% power at alpha to detect the mde; null while the control has no successes.",
      ),
    views_needed: z
      .number()
      .int()
      .nullable()
      .describe("More trials (users or views), summed over the arms, before a call; 0 when reached."),
    minimum_detectable_effect: z.number(),
    alpha: z.number(),
    power: z.number(),
    confidence_level: z.number(),
    warnings: z.array(z.string()),
  })
  .meta({ id: "ExperimentResult" });

export type ExperimentQuery = z.infer<typeof experimentQuery>;
export type ExperimentResult = z.infer<typeof experimentResultSchema>;
export type ExperimentMetric = ExperimentResult["metric"];
export type ExperimentUnit = ExperimentResult["unit"];
export type ExperimentStatus = ExperimentResult["status"];
export type ExperimentArm = z.infer<typeof experimentArmSchema>;
export type VariantResult = z.infer<typeof variantResultSchema>;
/** The read-out before it is tied to a segment and its settings. */
export type ExperimentEvaluation = Omit<ExperimentResult, "segment_id" | "settings">;
