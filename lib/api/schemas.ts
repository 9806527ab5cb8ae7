import { z } from "zod";
import { isStorableInstant, storableInstantMessage } from "./input-guards";

/** Timestamps travel as ISO 8601 strings, in the years both PostgreSQL and JavaScript can store. */
export const timestamp = z.iso
  .datetime({ offset: true })
  // A value that is no date at all is already reported by the format check: one issue per field.
  .refine((value) => {
    const time = Date.parse(value);
    return Number.isNaN(time) || isStorableInstant(time);
  }, storableInstantMessage);

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe("Page size (1 to 500)."),
  offset: z.coerce.number().int().min(0).default(0).describe("Rows to skip."),
});

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/**
 * Every code the API answers with. `unauthorized`, `forbidden` and `rate_limited` are not produced yet:
 * they are kept for the authentication that `withApi` will enforce.
 */
export const errorCodes = [
  "bad_request",
  "invalid_json",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "misdirected_request",
  "validation_failed",
  "reference_not_found",
  "rate_limited",
  "internal_error",
  "service_unavailable",
] as const;

export const fieldErrorSchema = z.object({
  field: z
    .string()
    .describe("Dotted path of the offending value, e.g. `criteria.age_range` or `segment_id`."),
  location: z.enum(["body", "query", "path"]),
  message: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(errorCodes),
    instance: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;
export type ErrorCode = Problem["code"];
export type FieldError = z.infer<typeof fieldErrorSchema>;
export type FieldLocation = FieldError["location"];
