import "server-only";
import type { Database } from "@/db/client";
import type { Segment } from "@/db/schema";
import { parseValidCriteria } from "@/lib/criteria/parse-criteria";
import { refreshCriteriaMembers, type UserIdRange } from "./refresh-queries";

/**
 * Recomputes a segment's criteria members (those in `range` only, when given). The caller must hold the
 * segment's lock (lockSegment) in `tx`: that is what serialises concurrent refreshes of one segment and
 * keeps member_count exact.
 */
export async function refreshMembership(segment: Segment, tx: Database, range?: UserIdRange) {
  const { added, removed, member_count } = await refreshCriteriaMembers(
    segment.id,
    parseValidCriteria(segment.criteria),
    new Date(),
    tx,
    range,
  );
  return { added, removed, unchanged: segment.member_count - removed, member_count };
}
