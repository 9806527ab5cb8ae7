import { z } from "zod";
import { freeFormObject } from "@/lib/api/input-guards";
import { pageOf, paginationQuery, timestamp } from "@/lib/api/schemas";
import { userSummarySchema } from "@/lib/users/schemas";

export const memberSources = ["manual", "criteria"] as const;

/** At most this many identifiers in one bulk request (all lists together). */
export const MAX_BULK_IDENTIFIERS = 10_000;
/** Room for 10,000 identifiers of the longest kind (e-mail, 254 characters) with JSON punctuation. */
export const BULK_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

const confidenceDescription = "How well the user fits the segment, 0 to 1 (default 1 for a new member).";
const confidenceScore = z.number().min(0).max(1).describe(confidenceDescription);
const assignmentReason = freeFormObject().nullable().describe("Why the user was added, free-form JSON.");

/** `?confidence_score=0.85`, as in the spec's example (query values arrive as strings). */
export const addMemberQuery = z
  .object({
    confidence_score: z.coerce.number().min(0).max(1).optional().describe(confidenceDescription),
  })
  .strict();

export const addMemberSchema = z
  .object({ confidence_score: confidenceScore.optional(), assignment_reason: assignmentReason.optional() })
  .strict()
  .meta({ id: "MemberAdd" });

const identifierLists = {
  user_ids: z.array(z.uuid().toLowerCase()).max(MAX_BULK_IDENTIFIERS).optional(),
  // Users' emails are stored lower case.
  emails: z.array(z.string().trim().toLowerCase().min(1).max(254)).max(MAX_BULK_IDENTIFIERS).optional(),
  external_ids: z.array(z.string().trim().min(1).max(100)).max(MAX_BULK_IDENTIFIERS).optional(),
};

type IdentifierLists = { user_ids?: string[]; emails?: string[]; external_ids?: string[] };

function checkIdentifierCount(value: IdentifierLists, ctx: z.core.$RefinementCtx<IdentifierLists>) {
  const total =
    (value.user_ids?.length ?? 0) + (value.emails?.length ?? 0) + (value.external_ids?.length ?? 0);
  if (total === 0) {
    ctx.addIssue({ code: "custom", path: ["user_ids"], message: "Give user_ids, emails or external_ids" });
  } else if (total > MAX_BULK_IDENTIFIERS) {
    ctx.addIssue({
      code: "custom",
      path: ["user_ids"],
      message: `At most ${MAX_BULK_IDENTIFIERS} identifiers in all per request`,
    });
  }
}

export const bulkAddMembersSchema = z
  .object({
    ...identifierLists,
    confidence_score: confidenceScore.optional(),
    assignment_reason: assignmentReason.optional(),
    skip_unknown: z
      .boolean()
      .default(false)
      .describe("Add the users that exist and list the rest in `not_found` instead of failing with 422."),
  })
  .strict()
  .superRefine(checkIdentifierCount)
  .meta({ id: "MembersBulkAdd" });

export const bulkRemoveMembersSchema = z
  .object(identifierLists)
  .strict()
  .superRefine(checkIdentifierCount)
  .meta({ id: "MembersBulkRemove" });

export const memberSortKeys = [
  "joined_at",
  "-joined_at",
  "confidence_score",
  "-confidence_score",
  "email",
  "-email",
] as const;

export const listMembersQuery = paginationQuery
  .extend({
    sort: z.enum(memberSortKeys).default("-joined_at").describe("A field; a leading `-` sorts descending."),
    source: z.enum(memberSources).optional(),
    search: z
      .string()
      .trim()
      .min(1)
      .max(100)
      // The search index joins the three fields with a unit separator (U+001F): a control character in the
      // search could match across two of them.
      .refine((value) => !/\p{Cc}/u.test(value), "Must not contain control characters")
      .optional()
      .describe("Matches part of the email, name or external_id (case-insensitive)."),
    cursor: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .describe(
        "Where the page starts: the `next_cursor` of the previous page, read with the same `sort`. " +
          "Keyset paging stays fast at any depth and never skips or repeats a member when others join or " +
          "leave meanwhile; not together with an `offset` above 0.",
      ),
  })
  .strict();

export const memberSchema = z
  .object({
    id: z.uuid(),
    segment_id: z.uuid(),
    user_id: z.uuid(),
    confidence_score: z.number(),
    assignment_reason: z.record(z.string(), z.unknown()).nullable(),
    source: z.enum(memberSources),
    joined_at: timestamp,
    updated_at: timestamp,
    user: userSummarySchema,
  })
  .meta({ id: "Member" });

export const memberPageSchema = pageOf(memberSchema)
  .extend({
    next_cursor: z
      .string()
      .nullable()
      .describe("Pass as `cursor` (with the same `sort`) for the next page; null on the last page."),
  })
  .meta({ id: "MemberPage" });

export const bulkAddResultSchema = z
  .object({
    added: z.number().int().describe("New members."),
    updated: z.number().int().describe("Users who were members already (their score and reason updated)."),
    not_found: z.array(z.string()).describe("Identifiers that match no user (only with skip_unknown)."),
    member_count: z.number().int(),
  })
  .meta({ id: "MembersBulkAddResult" });

export const bulkRemoveResultSchema = z
  .object({
    removed: z.number().int(),
    not_members: z.array(z.string()).describe("Identifiers that matched no member of the segment."),
    member_count: z.number().int(),
  })
  .meta({ id: "MembersBulkRemoveResult" });

export const memberCsvColumns = [
  "user_id",
  "email",
  "external_id",
  "name",
  "confidence_score",
  "source",
  "joined_at",
] as const;

export type AddMemberInput = z.infer<typeof addMemberSchema>;
export type BulkAddMembersInput = z.infer<typeof bulkAddMembersSchema>;
export type BulkRemoveMembersInput = z.infer<typeof bulkRemoveMembersSchema>;
export type ListMembersQuery = z.infer<typeof listMembersQuery>;

export { firstMembersQuery } from "./first-members-query";
export type MemberIdentifiers = IdentifierLists;
export type UserSummary = z.infer<typeof userSummarySchema>;
export type Member = z.infer<typeof memberSchema>;
