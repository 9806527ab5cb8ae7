import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";

export const propensityModelSchema = z
  .object({
    status: z.enum(["trained", "insufficient_data"]),
    reason: z.string().nullable().describe("Why there is no model (status insufficient_data)."),
    auc: z.number().min(0).max(1).nullable().describe("Area under the ROC curve on the held-out 20%."),
    train_size: z.number().int().min(0),
    test_size: z.number().int().min(0),
    positives: z.number().int().min(0).describe("Profiles that converted in the 30 days, in train and test."),
    scored: z.number().int().min(0).describe("Profiles whose conversion_propensity this training wrote."),
    trained_at: timestamp,
  })
  .meta({ id: "PropensityModel" });

export type PropensityModelSummary = z.infer<typeof propensityModelSchema>;
