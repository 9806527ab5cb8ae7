import { z } from "zod";

/** Timestamps travel as ISO 8601 strings. */
export const timestamp = z.iso.datetime({ offset: true });

export const uuidParam = z.uuid();

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

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          location: z.enum(["body", "query", "path"]),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: "Problem" });
