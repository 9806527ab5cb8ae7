import { z } from "zod";
import { pageOf, paginationQuery, timestamp } from "@/lib/api/schemas";

/** At most this many events in one batch. */
export const MAX_EVENTS_PER_BATCH = 10_000;
/** Room for 10,000 events with every field given. */
export const EVENTS_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

// PostgreSQL `integer`: totals past it cannot be stored.
const MAX_INT = 2_147_483_647;

const variantId = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .nullable()
  .describe("The A/B test arm, e.g. `variant_a` or `control`; unique within a segment.");
const isControl = z.boolean().describe("The control arm of the segment's experiment; one per segment.");
const publishedAt = timestamp.nullable();
const trafficWeight = z
  .number()
  .min(0)
  .max(1_000_000)
  .describe(
    "Relative traffic weight of this arm: its share of new users is its weight over the sum of the segment's " +
      "weights (0: no new users).",
  );

export const createPersonalizedSchema = z
  .object({
    content_id: z.uuid(),
    segment_id: z.uuid(),
    variant_id: variantId.optional(),
    is_control: isControl.default(false),
    published_at: publishedAt.optional(),
    traffic_weight: trafficWeight.default(1),
  })
  .strict()
  .meta({ id: "PersonalizedContentCreate" });

export const updatePersonalizedSchema = z
  .object({
    variant_id: variantId,
    is_control: isControl,
    published_at: publishedAt,
    traffic_weight: trafficWeight,
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "At least one field must be given" })
  .meta({ id: "PersonalizedContentUpdate" });

export const listPersonalizedQuery = paginationQuery
  .extend({
    segment_id: z.uuid().optional(),
    content_id: z.uuid().optional(),
    variant_id: z.string().trim().min(1).max(50).optional(),
  })
  .strict();

const metricTotal = z.number().int().min(0).max(MAX_INT);

export const performanceUpdateSchema = z
  .object({
    views: metricTotal.optional(),
    engagement: metricTotal.optional(),
    conversions: metricTotal.optional(),
    mode: z
      .enum(["set", "increment"])
      .default("set")
      .describe("`set` replaces the totals given (others unchanged); `increment` adds to them."),
  })
  .strict()
  .refine(
    (value) => value.views !== undefined || value.engagement !== undefined || value.conversions !== undefined,
    {
      message: "Give views, engagement or conversions",
      path: ["views"],
    },
  )
  .meta({ id: "PerformanceUpdate" });

export const performanceEventTypes = ["view", "engagement", "conversion"] as const;

export const performanceEventsSchema = z
  .object({
    events: z
      .array(
        z
          .object({
            personalized_content_id: z.uuid().toLowerCase(),
            type: z.enum(performanceEventTypes),
            count: z.number().int().min(1).max(1_000_000).default(1),
            occurred_at: timestamp
              .optional()
              .describe("Defaults to now; decides the (UTC) day it counts for."),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_EVENTS_PER_BATCH),
  })
  .strict()
  .meta({ id: "PerformanceEvents" });

export const contentSummarySchema = z
  .object({ id: z.uuid(), title: z.string(), content_type: z.string() })
  .meta({ id: "ContentSummary" });

export const performanceTotalsSchema = z
  .object({
    views: z.number().int(),
    engagement: z.number().int(),
    conversions: z.number().int(),
    engagement_rate: z.number(),
    updated_at: timestamp,
  })
  .meta({ id: "PerformanceTotals" });

export const personalizedContentSchema = z
  .object({
    id: z.uuid(),
    content_id: z.uuid(),
    segment_id: z.uuid(),
    performance: performanceTotalsSchema
      .nullable()
      .describe("The latest totals; null before the first update."),
    variant_id: z.string().nullable(),
    is_control: z.boolean(),
    view_count: z.number().int(),
    engagement_count: z.number().int(),
    conversion_count: z.number().int(),
    engagement_rate: z.number().describe("engagement / views × 100; 0 without views."),
    traffic_weight: trafficWeight,
    published_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    content: contentSummarySchema.optional(),
  })
  .meta({ id: "PersonalizedContent" });

export const personalizedPageSchema = pageOf(personalizedContentSchema).meta({
  id: "PersonalizedContentPage",
});

export const performanceEventsResultSchema = z
  .object({
    accepted: z.number().int().describe("Events recorded."),
    items: z.array(
      z.object({
        personalized_content_id: z.uuid(),
        view_count: z.number().int(),
        engagement_count: z.number().int(),
        conversion_count: z.number().int(),
        engagement_rate: z.number(),
      }),
    ),
  })
  .meta({ id: "PerformanceEventsResult" });

export type CreatePersonalizedInput = z.infer<typeof createPersonalizedSchema>;
export type UpdatePersonalizedInput = z.infer<typeof updatePersonalizedSchema>;
export type ListPersonalizedQuery = z.infer<typeof listPersonalizedQuery>;
export type PerformanceUpdateInput = z.infer<typeof performanceUpdateSchema>;
export type PerformanceEvent = z.infer<typeof performanceEventsSchema>["events"][number];
export type PersonalizedContentOutput = z.infer<typeof personalizedContentSchema>;
