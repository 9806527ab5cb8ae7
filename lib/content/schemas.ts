import { z } from "zod";
import { freeFormObject } from "@/lib/api/input-guards";
import { pageOf, paginationQuery, timestamp } from "@/lib/api/schemas";

export const contentTypes = ["article", "video", "image", "email", "social", "other"] as const;

const contentFields = {
  persona_id: z.uuid().nullable().describe("The persona this content was written for."),
  title: z.string().trim().min(1).max(200),
  body: z.string().max(200_000).nullable(),
  content_type: z.enum(contentTypes),
  metadata: freeFormObject().describe('Free-form details, e.g. `{"duration_seconds": 420}` for a video.'),
};

export const createContentSchema = z
  .object({
    ...contentFields,
    persona_id: contentFields.persona_id.default(null),
    body: contentFields.body.default(null),
    content_type: contentFields.content_type.default("article"),
    metadata: contentFields.metadata.default({}),
  })
  .strict()
  .meta({
    id: "ContentCreate",
    examples: [
      {
        persona_id: "123e4567-e89b-12d3-a456-426614174000",
        title: "AI Trends 2025: What Every Tech Professional Should Know",
        body: "Agents, small models and on-device inference.",
        content_type: "article",
        metadata: { reading_minutes: 8 },
      },
    ],
  });

export const updateContentSchema = z
  .object(contentFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "At least one field must be given" })
  .meta({ id: "ContentUpdate", examples: [{ title: "AI Trends 2026", content_type: "video" }] });

export const listContentQuery = paginationQuery
  .extend({
    persona_id: z.uuid().optional(),
    content_type: z.enum(contentTypes).optional(),
    search: z.string().trim().min(1).max(100).optional().describe("Matches title or body."),
  })
  .strict();

export const contentSchema = z
  .object({
    id: z.uuid(),
    ...contentFields,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Content" });

export const contentPageSchema = pageOf(contentSchema).meta({ id: "ContentPage" });

export type CreateContentInput = z.infer<typeof createContentSchema>;
export type UpdateContentInput = z.infer<typeof updateContentSchema>;
export type ListContentQuery = z.infer<typeof listContentQuery>;
