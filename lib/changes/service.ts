import "server-only";
import { ApiError, notFound } from "@/lib/api/errors";
import { findSegment } from "@/lib/segments/queries";
import { type FeedPosition, latestPosition, readChanges } from "./queries";
import type { ListChangesQuery } from "./schemas";

const start: FeedPosition = { seq: 0, id: 0 };

export function encodeCursor(position: FeedPosition): string {
  return Buffer.from(`${position.seq}.${position.id}`).toString("base64url");
}

function invalidCursor(): ApiError {
  return new ApiError("validation_failed", "Invalid query: cursor.", [
    { field: "cursor", location: "query", message: "Not a cursor this API handed out" },
  ]);
}

export function decodeCursor(cursor: string): FeedPosition {
  const match = /^(\d{1,18})\.(\d{1,18})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw invalidCursor();
  return { seq: Number(match[1]), id: Number(match[2]) };
}

/**
 * One page of the segment's changes feed. `next_cursor` is the position of the last change returned, or
 * the cursor asked with when there was nothing new, so that polling with it never repeats and never skips.
 */
export async function listSegmentChanges(segmentId: string, query: ListChangesQuery) {
  const segment = await findSegment(segmentId);
  if (!segment) throw notFound("Segment", segmentId);
  if (query.cursor === "latest") {
    return { items: [], next_cursor: encodeCursor(await latestPosition(segmentId)) };
  }
  const after = query.cursor ? decodeCursor(query.cursor) : start;
  const rows = await readChanges(segmentId, after, query.limit);
  const last = rows.at(-1);
  return {
    items: rows.map(({ seq: _seq, ...change }) => change),
    next_cursor: encodeCursor(last ? { seq: last.seq, id: last.id } : after),
  };
}
