import { ApiError } from "@/lib/api/errors";
import type { memberSortKeys } from "./schemas";

type MemberSort = (typeof memberSortKeys)[number];

/**
 * Where a keyset page of members starts: the sort it was read with, the last row's sort value (joined_at in
 * UTC at full microsecond precision, confidence as a number, email or null) and its user id,
 * which breaks ties. Opaque to clients: base64url JSON.
 */
export interface MemberCursor {
  sort: MemberSort;
  value: string | number | null;
  user_id: string;
}

export function encodeMemberCursor(cursor: MemberCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.user_id])).toString("base64url");
}

/** joined_at as the list reads it for its cursor: UTC, microseconds (`to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`). */
const microsecondInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function invalidCursor(message: string): ApiError {
  return new ApiError("validation_failed", `Invalid query: cursor (${message}).`, [
    { field: "cursor", location: "query", message },
  ]);
}

/** The cursor a client sent back, checked against the sort it is used with: 422 naming `cursor` if not one. */
export function decodeMemberCursor(text: string, sort: MemberSort): MemberCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor("Not a cursor this API returned");
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalidCursor("Not a cursor this API returned");
  const [cursorSort, value, userId] = parsed as unknown[];
  if (typeof userId !== "string" || !uuidPattern.test(userId)) {
    throw invalidCursor("Not a cursor this API returned");
  }
  if (cursorSort !== sort) {
    throw invalidCursor(`This cursor belongs to sort=${String(cursorSort)}; read it with that sort`);
  }
  const field = sort.replace(/^-/, "");
  const valid =
    field === "confidence_score"
      ? typeof value === "number" && Number.isFinite(value)
      : field === "email"
        ? value === null || (typeof value === "string" && value.length <= 254)
        : typeof value === "string" && microsecondInstant.test(value);
  if (!valid) throw invalidCursor("Not a cursor this API returned");
  return { sort, value: value as MemberCursor["value"], user_id: userId };
}
