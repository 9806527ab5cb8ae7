import { z } from "zod";
import { pageOf, paginationQuery, timestamp } from "@/lib/openapi/common";
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
    created_at: timestamp,
  })
  .meta({ id: "SegmentRevision" });

export const revisionPageSchema = pageOf(revisionSchema).meta({ id: "SegmentRevisionPage" });

export const revisionsQuery = paginationQuery.strict();

export const criteriaFieldsSchema = z
  .object({
    fields: z.array(
      z.object({
        field: z.string(),
        label: z.string(),
        type: z.enum(fieldTypes),
        operators: z.array(z.enum(operators)),
        values: z.array(z.object({ value: z.string(), count: z.number().int() })).optional(),
      }),
    ),
    traits: z.array(z.object({ key: z.string(), count: z.number().int() })),
  })
  .meta({ id: "CriteriaFields" });

export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
export type RevisionsQuery = z.infer<typeof revisionsQuery>;
