import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";
import { memberSources } from "./schemas";

export const userSegmentSchema = z
  .object({
    segment_id: z.uuid(),
    segment_name: z.string(),
    status: z.string(),
    membership_mode: z.string(),
    priority: z.number().int(),
    confidence_score: z.number().describe("How well the user fits the segment, 0 to 1."),
    source: z.enum(memberSources).describe("`manual` (added explicitly) or `criteria` (matched the rules)."),
    assignment_reason: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe(
        "Why: for criteria members, the conditions that matched; for manual ones, what the caller gave.",
      ),
    joined_at: timestamp,
  })
  .meta({ id: "UserSegment" });

export const userSegmentListSchema = z
  .object({ items: z.array(userSegmentSchema), total: z.number().int() })
  .meta({ id: "UserSegmentList" });

export type UserSegment = z.infer<typeof userSegmentSchema>;
