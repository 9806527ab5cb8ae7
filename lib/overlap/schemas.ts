import { z } from "zod";

export const OVERLAP_MIN_SEGMENTS = 2;
export const OVERLAP_MAX_SEGMENTS = 10;

export const overlapQuery = z
  .object({
    segment_ids: z
      .union([z.string(), z.array(z.string())])
      .describe(
        `${OVERLAP_MIN_SEGMENTS} to ${OVERLAP_MAX_SEGMENTS} distinct segment ids, comma-separated (or the parameter repeated).`,
      )
      .transform((value) =>
        (Array.isArray(value) ? value : [value])
          .flatMap((part) => part.split(","))
          .map((id) => id.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.uuid())
          .min(OVERLAP_MIN_SEGMENTS, `Give at least ${OVERLAP_MIN_SEGMENTS} segment ids`)
          .max(OVERLAP_MAX_SEGMENTS, `Give at most ${OVERLAP_MAX_SEGMENTS} segment ids`)
          .refine((ids) => new Set(ids).size === ids.length, "Segment ids must be distinct"),
      ),
  })
  .strict();

export const segmentOverlapSchema = z
  .object({
    segments: z.array(z.object({ id: z.uuid(), segment_name: z.string(), member_count: z.number().int() })),
    pairs: z.array(
      z.object({
        segment_a: z.uuid(),
        segment_b: z.uuid(),
        shared_members: z.number().int(),
        union: z.number().int().describe("Members of either segment."),
        jaccard: z.number().min(0).max(1).describe("shared / union; 0 when both segments are empty."),
      }),
    ),
  })
  .meta({ id: "SegmentOverlap" });

export type SegmentOverlap = z.infer<typeof segmentOverlapSchema>;
