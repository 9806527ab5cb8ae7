import { z } from "zod";
import { criteriaSchema } from "@/lib/criteria/schema";

/** Profile fields discovery can cluster on: the numeric ones standardized, the categorical ones one-hot. */
export const discoveryNumericFields = [
  "age",
  "purchase_count",
  "total_spent",
  "avg_session_duration",
  "interaction_score",
  "last_active_at",
  "created_at",
] as const;
export const discoveryCategoricalFields = [
  "location",
  "gender",
  "engagement_level",
  "engagement_frequency",
  "interests",
  "content_preferences",
] as const;
export const discoveryFields = [...discoveryNumericFields, ...discoveryCategoricalFields] as const;
export type DiscoveryField = (typeof discoveryFields)[number];

/** The signup date mostly records when profiles were imported, so it is left out unless asked for. */
export const defaultDiscoveryFields: DiscoveryField[] = discoveryFields.filter((f) => f !== "created_at");

export const MAX_SAMPLE_SIZE = 50_000;

export const discoverRequestSchema = z
  .object({
    sample_size: z
      .number()
      .int()
      .min(20)
      .max(MAX_SAMPLE_SIZE)
      .default(MAX_SAMPLE_SIZE)
      .describe("How many profiles to cluster (drawn in the database, in a seeded order)."),
    k: z
      .number()
      .int()
      .min(2)
      .max(12)
      .optional()
      .describe("The number of clusters; chosen by silhouette (2–12) when left out."),
    fields: z
      .array(z.enum(discoveryFields))
      .min(1)
      .max(discoveryFields.length)
      .refine((fields) => new Set(fields).size === fields.length, "Each field may appear once")
      .optional()
      .describe("The profile fields to cluster on (default: all but created_at)."),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1)
      .describe("Same seed and same data, same answer."),
  })
  .strict()
  .meta({ id: "DiscoverRequest" });

const fraction = z.number().min(0).max(1);

export const discoveryProposalSchema = z
  .object({
    name: z.string(),
    size: z.number().int().min(0).describe("The criteria's exact audience on the whole users table."),
    share: fraction.describe("size / all users."),
    criteria: criteriaSchema,
    precision: fraction.describe("Of the sampled profiles the criteria select, the share in this cluster."),
    recall: fraction.describe("Of the cluster's sampled profiles, the share the criteria select."),
    cluster_size: z.number().int().min(0).describe("Profiles of the sample in this cluster."),
    profile: z
      .array(
        z.object({
          field: z.string(),
          value: z.union([z.string(), z.number()]),
          lift: z
            .number()
            .min(0)
            .describe(
              "For a categorical value, its share in the cluster over its share in the sample; for a " +
                "numeric field (value = the cluster's mean), the cluster's mean over the sample's mean.",
            ),
        }),
      )
      .describe("What sets the cluster apart, most distinctive first."),
  })
  .meta({ id: "DiscoveryProposal" });

export const discoverResultSchema = z
  .object({
    proposals: z.array(discoveryProposalSchema),
    k: z.number().int().min(0),
    silhouette: z.number().min(-1).max(1).describe("Mean silhouette of the clustering, on a subsample."),
    sample_size: z.number().int().min(0),
    fields: z.array(z.enum(discoveryFields)),
  })
  .meta({ id: "DiscoverResult" });

export type DiscoverRequest = z.infer<typeof discoverRequestSchema>;
export type DiscoverResult = z.infer<typeof discoverResultSchema>;
export type DiscoveryProposal = z.infer<typeof discoveryProposalSchema>;
export type ProfileLift = DiscoveryProposal["profile"][number];
