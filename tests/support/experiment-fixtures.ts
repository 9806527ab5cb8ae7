// Exposures and content events inserted directly, as decide and the events endpoint would store them, so that
// the experiment tests do not depend on those endpoints: an arm gets `users` users assigned under a given split,
// of whom the first `converted` convert (and the first `engaged` engage) an hour after exposure.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, experimentAllocations, experimentAssignments, personalizedContent } from "@/db/schema";
import { insertUsers } from "./analytics-fixtures";

const HOUR = 3_600_000;

/** A stored split (arm id → share), as decide records it; returns its id for the assignments. */
export async function insertAllocationRow(
  segmentId: string,
  shares: Record<string, number>,
  reason: "weights" | "bandit" | "promote" = "weights",
  at = new Date(),
): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .insert(experimentAllocations)
    .values({ segment_id: segmentId, shares, reason, created_at: at })
    .returning({ id: experimentAllocations.id });
  return row.id;
}

export interface ArmExposure {
  users: number;
  converted?: number;
  engaged?: number;
  allocationId?: number | null;
  exposedAt?: Date;
}

// Inserting users is the slow part, and a user can be in many segments' experiments: the test file's users
// are shared between segments, each segment taking users it has not exposed yet.
const pool: string[] = [];
const usedBySegment = new Map<string, number>();

async function usersFor(segmentId: string, count: number): Promise<string[]> {
  const start = usedBySegment.get(segmentId) ?? 0;
  if (pool.length < start + count) pool.push(...(await insertUsers(start + count - pool.length)));
  usedBySegment.set(segmentId, start + count);
  return pool.slice(start, start + count);
}

/** Exposes `users` users new to the segment to the arm, with their conversions and engagements; returns their ids. */
export async function exposeArm(
  segmentId: string,
  personalizedContentId: string,
  exposure: ArmExposure,
): Promise<string[]> {
  const db = await getDb();
  const userIds = await usersFor(segmentId, exposure.users);
  const exposedAt = exposure.exposedAt ?? new Date(Date.now() - 2 * HOUR);
  await db.insert(experimentAssignments).values(
    userIds.map((user_id, i) => ({
      segment_id: segmentId,
      user_id,
      personalized_content_id: personalizedContentId,
      bucket: i % 10_000,
      allocation_id: exposure.allocationId ?? null,
      exposed_at: exposedAt,
    })),
  );
  const after = new Date(exposedAt.getTime() + HOUR);
  const contentEvents = [
    ...userIds.slice(0, exposure.converted ?? 0).map((user_id) => ({ user_id, name: "content_conversion" })),
    ...userIds.slice(0, exposure.engaged ?? 0).map((user_id) => ({ user_id, name: "content_engagement" })),
  ];
  if (contentEvents.length > 0) {
    await db.insert(events).values(
      contentEvents.map((event) => ({
        ...event,
        personalized_content_id: personalizedContentId,
        occurred_at: after,
      })),
    );
  }
  return userIds;
}

/** Content events for users, e.g. ones that must not count (before exposure, or for another arm). */
export async function insertContentEvents(
  rows: { user_id: string; personalized_content_id: string; name: string; occurred_at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  const db = await getDb();
  await db.insert(events).values(rows);
}

export async function setTrafficWeight(personalizedContentId: string, weight: number): Promise<void> {
  const db = await getDb();
  await db
    .update(personalizedContent)
    .set({ traffic_weight: weight })
    .where(eq(personalizedContent.id, personalizedContentId));
}
