import { z } from "zod";
import { pageOf, paginationQuery, timestamp } from "@/lib/api/schemas";
import { actorSchema } from "@/lib/audit/schemas";
import { operators } from "@/lib/criteria/fields";
import { criteriaSchema } from "@/lib/criteria/schema";

import { membershipModes, segmentStatuses, segmentStrategies } from "./segment-enums";

export { membershipModes, segmentStatuses, segmentStrategies };

const segmentFields = {
  persona_id: z.uuid().nullable().describe("The persona this segment belongs to."),
  segment_name: z.string().trim().min(1).max(100),
  description: z.string().max(5000).nullable(),
  criteria: criteriaSchema,
  strategy: z.enum(segmentStrategies),
  status: z.enum(segmentStatuses),
  membership_mode: z
    .enum(membershipModes)
    .describe("`manual`: members are added explicitly; `dynamic`: membership follows the criteria."),
  priority: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .describe("Delivery order: decide ranks a user's segments by priority, highest first (default 0)."),
};

export const createSegmentSchema = z
  .object({
    ...segmentFields,
    persona_id: segmentFields.persona_id.optional(),
    description: segmentFields.description.optional(),
    strategy: segmentFields.strategy.default("hybrid"),
    status: segmentFields.status.default("active"),
    membership_mode: segmentFields.membership_mode.default("manual"),
    priority: segmentFields.priority.default(0),
  })
  .strict()
  .meta({ id: "SegmentCreate" });

export const updateSegmentSchema = z
  .object(segmentFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "At least one field must be given" })
  .meta({ id: "SegmentUpdate" });

export const segmentSortKeys = [
  "created_at",
  "-created_at",
  "updated_at",
  "-updated_at",
  "segment_name",
  "-segment_name",
  "member_count",
  "-member_count",
  "estimated_size",
  "-estimated_size",
  "priority",
  "-priority",
] as const;

export const listSegmentsQuery = paginationQuery
  .extend({
    persona_id: z.uuid().optional(),
    status: z.enum(segmentStatuses).optional(),
    strategy: z.enum(segmentStrategies).optional(),
    membership_mode: z.enum(membershipModes).optional(),
    search: z.string().trim().max(100).optional().describe("Matches name or description, case-insensitive."),
    sort: z.enum(segmentSortKeys).default("-created_at").describe("A field; a leading `-` sorts descending."),
  })
  .strict();

export const segmentSchema = z
  .object({
    id: z.uuid(),
    ...segmentFields,
    performance_metrics: z.record(z.string(), z.unknown()).nullable(),
    estimated_size: z.number().int(),
    member_count: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
    last_analyzed_at: timestamp.nullable(),
    fresh_as_of: timestamp
      .nullable()
      .describe(
        "Dynamic segments: the members are exact as of this time (the last refresh or scheduled pass; " +
          "events re-evaluate their users as they arrive). Null before the first refresh.",
      ),
  })
  .meta({ id: "Segment" });

export const segmentListItemSchema = segmentSchema
  .extend({
    total_views: z.number().int().describe("Views of the segment's personalized content, all time."),
    engagement_rate: z
      .number()
      .nullable()
      .describe("100 × engagement / views over the segment's content, live; null without views."),
  })
  .meta({ id: "SegmentListItem" });

export const segmentPageSchema = pageOf(segmentListItemSchema).meta({ id: "SegmentPage" });

export const refreshResultSchema = z
  .object({
    added: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int().describe("Members before the refresh that stayed (manual members included)."),
    member_count: z.number().int(),
    took_ms: z.number(),
  })
  .meta({ id: "RefreshResult" });

export const refreshQuery = z
  .object({
    async: z
      .enum(["true", "false"])
      .optional()
      .describe(
        "`true`: always run as a background job (202); `false`: always at once (200). Left out: a job when " +
          "the refresh is big (REFRESH_ASYNC_MIN_USERS users or members), else at once.",
      ),
  })
  .strict();

export const explainSchema = z
  .object({
    segment_id: z.uuid(),
    user_id: z.uuid(),
    matches: z.boolean(),
    confidence_score: z.number().min(0).max(1),
    min_match: z.number().nullable(),
    conditions: z.array(
      z.object({
        path: z.string(),
        label: z.string(),
        field: z.string(),
        op: z.enum(operators),
        expected: z.unknown(),
        actual: z.unknown(),
        passed: z.boolean(),
      }),
    ),
  })
  .meta({ id: "MembershipExplanation" });

export const revisionSchema = z
  .object({
    revision: z.number().int(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    definition: z.record(z.string(), z.unknown()),
    estimated_size: z.number().int(),
    author: actorSchema,
    created_at: timestamp,
  })
  .meta({ id: "SegmentRevision" });

export const revisionPageSchema = pageOf(revisionSchema).meta({ id: "SegmentRevisionPage" });

export const revisionsQuery = paginationQuery.strict();

export type CreateSegmentInput = z.infer<typeof createSegmentSchema>;
export type UpdateSegmentInput = z.infer<typeof updateSegmentSchema>;
export type ListSegmentsQuery = z.infer<typeof listSegmentsQuery>;
export type RevisionsQuery = z.infer<typeof revisionsQuery>;
