import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";

export const actorSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("user"), id: z.string(), label: z.string() }),
    z.object({ type: z.literal("api_key"), id: z.string(), label: z.string() }),
    z.object({ type: z.literal("local") }),
  ])
  .meta({ id: "AuditActor", description: "Who made the change; `local` when no sign-in is required." });

export const auditEntrySchema = z
  .object({
    id: z.string().describe("Increasing with time; also the page cursor."),
    at: timestamp,
    actor: actorSchema,
    action: z.string().describe("`create`, `update`, `delete`, or a named operation such as `add_members`."),
    resource_type: z.string(),
    resource_id: z.string().nullable().describe("Null for a bulk write across many resources."),
    changes: z
      .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }))
      .describe(
        "Field → `{before, after}` for the fields that changed. A value past 2 KB is stored as `{omitted: true, bytes, items?}`.",
      ),
    summary: z
      .record(z.string(), z.number())
      .nullable()
      .describe("Counts of a bulk write (`{added: 120, not_found: 3}`): one entry, not one per row."),
  })
  .meta({ id: "AuditEntry" });

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema),
    next_cursor: z
      .string()
      .nullable()
      .describe("Pass as `cursor` for the next (older) page; null on the last page."),
  })
  .meta({ id: "AuditLogPage" });

const ACTOR_FILTER = /^(local|(user|api_key)(:[^\s:]{1,200})?)$/;

export const auditLogQuery = z
  .object({
    resource_type: z.string().min(1).max(40).optional().describe("e.g. `segment`, `user`, `content`."),
    resource_id: z.string().min(1).max(200).optional(),
    actor: z
      .string()
      .regex(ACTOR_FILTER, "Must be local, user, api_key, user:<id> or api_key:<id>")
      .optional()
      .describe("`local`, `user`, `api_key`, or one actor: `user:<id>`, `api_key:<id>`."),
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,17}$/, "Must be a next_cursor from a previous page")
      .optional()
      .describe("The previous page's `next_cursor`."),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe("Page size (1 to 200)."),
  })
  .strict();

export type AuditLogQuery = z.infer<typeof auditLogQuery>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
