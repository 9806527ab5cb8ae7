import { z } from "zod";
import { userSummarySchema } from "@/lib/users/schemas";
import { fieldTypes, operators } from "./fields";
import { criteriaSchema } from "./schema";

export const estimateRequestSchema = z
  .object({
    criteria: criteriaSchema,
    persona_id: z.uuid().optional().describe("Checked to exist; profiles are not tied to personas."),
  })
  .strict()
  .meta({ id: "EstimateRequest" });

export const estimateSchema = z
  .object({
    estimated_size: z.number().int(),
    total_users: z.number().int(),
    percentage: z.number().min(0).max(100),
    sample: z.array(userSummarySchema).max(5),
  })
  .meta({ id: "AudienceEstimate" });

export const criteriaFieldsSchema = z
  .object({
    fields: z.array(
      z.object({
        field: z.string(),
        label: z.string(),
        type: z.enum(fieldTypes),
        operators: z.array(z.enum(operators)),
        values: z.array(z.object({ value: z.string(), count: z.number().int() })).optional(),
        model: z
          .object({ auc: z.number().min(0).max(1), trained_at: z.string() })
          .optional()
          .describe(
            "For a field a model writes (conversion_propensity): its held-out AUC and when it trained.",
          ),
      }),
    ),
    traits: z.array(z.object({ key: z.string(), count: z.number().int() })),
    events: z
      .array(z.object({ name: z.string(), count: z.number().int() }))
      .describe("Event names seen, most frequent first, with their number of events (event conditions)."),
    unavailable: z
      .array(z.object({ field: z.string(), reason: z.string() }))
      .describe("Fields left out of `fields` for now, and why (e.g. too little data to train their model)."),
  })
  .meta({ id: "CriteriaFields" });

export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
