import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { Segment } from "@/db/schema";
import { parseValidCriteria } from "./parse-criteria";
import { countMatchingUsers, refreshCriteriaMembers, type UserIdRange } from "./queries";

export interface RefreshOutcome {
  added: number;
  removed: number;
  unchanged: number;
  member_count: number;
}

/**
 * Recomputes a segment's criteria members. The caller must hold the segment's lock (lockSegment) in `tx`:
 * that is what serialises concurrent refreshes of one segment and keeps member_count exact.
 */
export async function refreshMembership(
  segment: Segment,
  tx: Database,
  range?: UserIdRange,
): Promise<RefreshOutcome> {
  const node = parseValidCriteria(segment.criteria);
  const { added, removed } = await refreshCriteriaMembers(segment.id, node, new Date(), tx, range);
  // Raw SQL so that updated_at keeps meaning "the definition changed", not "members moved".
  const [row] = await queryRows<{ member_count: number }>(
    tx,
    sql`update audience_segments set member_count = member_count + ${added - removed}::int
        where id = ${segment.id}::uuid returning member_count`,
  );
  return {
    added,
    removed,
    unchanged: segment.member_count - removed,
    member_count: Number(row.member_count),
  };
}

/** How many users the criteria select right now (a segment's estimated_size). */
export async function estimateCriteriaSize(
  criteria: Record<string, unknown>,
  db?: Database,
): Promise<number> {
  return countMatchingUsers(parseValidCriteria(criteria), new Date(), db);
}
