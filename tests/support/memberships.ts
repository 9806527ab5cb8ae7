import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audienceSegments, segmentMembers, segmentMembershipEvents } from "@/db/schema";

// Membership written and read straight in the database, so that the criteria tests do not depend on the
// members endpoints (another part of the API).

/** A manual member, as the members API adds one: row, join event and member_count together. */
export async function addManualMember(segmentId: string, userId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.select().from(audienceSegments).where(eq(audienceSegments.id, segmentId)).for("update");
    await tx.insert(segmentMembers).values({ segment_id: segmentId, user_id: userId, source: "manual" });
    await tx
      .insert(segmentMembershipEvents)
      .values({ segment_id: segmentId, user_id: userId, event: "join" });
    await tx
      .update(audienceSegments)
      .set({ member_count: sql`${audienceSegments.member_count} + 1` })
      .where(eq(audienceSegments.id, segmentId));
  });
}

export async function membersOf(segmentId: string) {
  const db = await getDb();
  return db.select().from(segmentMembers).where(eq(segmentMembers.segment_id, segmentId));
}

export async function eventsOf(segmentId: string) {
  const db = await getDb();
  return db
    .select()
    .from(segmentMembershipEvents)
    .where(eq(segmentMembershipEvents.segment_id, segmentId))
    .orderBy(segmentMembershipEvents.id);
}
