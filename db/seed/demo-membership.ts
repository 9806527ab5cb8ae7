import { evaluateCriteria } from "@/lib/criteria/evaluate";
import { parseValidCriteria } from "@/lib/criteria/parse-criteria";
import type { SegmentMember, SegmentMembershipEvent } from "../schema";
import type { DemoSegment } from "./demo-segments";
import type { DemoUser } from "./demo-users";
import type { JsonRow } from "./insert-json-rows";
import type { SeededRandom } from "./random";

const DAY_MS = 86_400_000;
/** Members joined over the six weeks before the seed, so member growth charts show a curve. */
export const MEMBERSHIP_HISTORY_DAYS = 42;

export type DemoMember = JsonRow<
  Pick<
    SegmentMember,
    "segment_id" | "user_id" | "confidence_score" | "assignment_reason" | "joined_at" | "updated_at"
  >
> & { source: "manual" };

export type DemoMembershipEvent = JsonRow<
  Pick<SegmentMembershipEvent, "segment_id" | "user_id" | "occurred_at">
> & { event: "join" | "leave"; source: "manual" };

/**
 * Curated manual members: most users matching a segment's criteria, each joining on a day of the last six
 * weeks (more of them recently, as campaigns ramp up); some other matching users joined and later left.
 */
export function generateMembership(
  rng: SeededRandom,
  now: Date,
  segments: DemoSegment[],
  users: DemoUser[],
): { members: DemoMember[]; events: DemoMembershipEvent[] } {
  const members: DemoMember[] = [];
  const events: DemoMembershipEvent[] = [];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  // The criteria language's own evaluator (the oracle the SQL is property-tested against) picks the matching
  // users, so that seeded members really match their segment's criteria.
  const profiles = users.map((user) => ({
    ...user,
    last_active_at: new Date(user.last_active_at),
    created_at: new Date(user.created_at),
    conversion_propensity: null,
  }));
  for (const segment of segments) {
    const node = parseValidCriteria(segment.criteria);
    for (const [index, user] of users.entries()) {
      if (!evaluateCriteria(node, profiles[index], now).matches) continue;
      // u^1.6 puts more joins near today: an accelerating growth curve rather than a straight line.
      const joinedDaysAgo = Math.max(0.02, MEMBERSHIP_HISTORY_DAYS * rng.next() ** 1.6);
      if (rng.chance(0.88)) {
        const joinedAt = at(joinedDaysAgo);
        const confidence = 0.55 + 0.4 * user.interaction_score + rng.between(-0.05, 0.05);
        members.push({
          segment_id: segment.id,
          user_id: user.id,
          confidence_score: Math.round(Math.min(1, Math.max(0.5, confidence)) * 100) / 100,
          assignment_reason: { note: "Added from the launch campaign list", matched_criteria: true },
          source: "manual",
          joined_at: joinedAt,
          updated_at: joinedAt,
        });
        events.push({
          segment_id: segment.id,
          user_id: user.id,
          event: "join",
          source: "manual",
          occurred_at: joinedAt,
        });
      } else if (rng.chance(0.6)) {
        const leftDaysAgo = rng.between(0.01, joinedDaysAgo);
        events.push(
          {
            segment_id: segment.id,
            user_id: user.id,
            event: "join",
            source: "manual",
            occurred_at: at(joinedDaysAgo),
          },
          {
            segment_id: segment.id,
            user_id: user.id,
            event: "leave",
            source: "manual",
            occurred_at: at(leftDaysAgo),
          },
        );
      }
    }
  }
  events.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
  return { members, events };
}
