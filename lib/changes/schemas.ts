import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";
import { memberSources } from "@/lib/members/schemas";

/**
 * A position in a segment's changes feed: the commit number and the event id after which to read,
 * `"<seq>.<id>"` in base64url so that clients treat it as opaque. `latest` starts at the end of the feed.
 */
export const cursorPattern = /^[A-Za-z0-9_-]{1,64}$/;

export const listChangesQuery = z
  .object({
    cursor: z
      .string()
      .regex(cursorPattern, "Must be a next_cursor from an earlier answer, or latest")
      .optional()
      .describe(
        "Where to continue: the `next_cursor` of the previous page. Left out: from the oldest change kept. " +
          "`latest`: from now on (an empty page whose `next_cursor` is the end of the feed).",
      ),
    limit: z.coerce.number().int().min(1).max(1000).default(100).describe("Changes per page (1 to 1000)."),
  })
  .strict();

export const changeSchema = z
  .object({
    type: z.enum(["join", "leave"]),
    user_id: z.uuid(),
    at: timestamp.describe("When the change was written."),
    source: z.enum(memberSources).describe("`manual` or `criteria` (what added or removed the member)."),
    id: z.number().int().describe("The membership event's id (increasing within one commit)."),
  })
  .meta({ id: "SegmentChange" });

export const changePageSchema = z
  .object({
    items: z.array(changeSchema),
    next_cursor: z
      .string()
      .describe("Always present: poll again with it to get exactly what was committed after this page."),
  })
  .meta({ id: "SegmentChangePage" });

export type ListChangesQuery = z.infer<typeof listChangesQuery>;
export type SegmentChange = z.infer<typeof changeSchema>;
