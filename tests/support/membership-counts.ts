import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audienceSegments, segmentMembers, segmentMembershipEvents } from "@/db/schema";

/** member_count as stored, the real number of member rows, and joins minus leaves: all three must agree. */
export async function membershipCounts(segmentId: string) {
  const db = await getDb();
  const [{ stored }] = await db
    .select({ stored: audienceSegments.member_count })
    .from(audienceSegments)
    .where(eq(audienceSegments.id, segmentId));
  const [{ real }] = await db
    .select({ real: sql<number>`count(*)::int` })
    .from(segmentMembers)
    .where(eq(segmentMembers.segment_id, segmentId));
  const [{ net }] = await db
    .select({ net: sql<number>`coalesce(sum(case when event = 'join' then 1 else -1 end), 0)::int` })
    .from(segmentMembershipEvents)
    .where(eq(segmentMembershipEvents.segment_id, segmentId));
  return { stored, real, net };
}
