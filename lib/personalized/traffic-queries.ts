import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";
import { experimentAllocations, experimentHistory, personalizedContent } from "@/db/schema";

/**
 * Locks the segment row until the transaction ends, so that changes to one segment's split are made one at a
 * time. FOR NO KEY UPDATE: first exposures (which take KEY SHARE through their foreign key) go on meanwhile.
 */
export async function lockSegmentSplit(segmentId: string, tx: Database): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from audience_segments where id = ${segmentId} for no key update`,
  );
  return rows.length > 0;
}

/** The segment's arms in their stable order (creation), as decide orders them. */
export async function segmentArms(segmentId: string, tx: Database) {
  return tx
    .select({ id: personalizedContent.id, traffic_weight: personalizedContent.traffic_weight })
    .from(personalizedContent)
    .where(eq(personalizedContent.segment_id, segmentId))
    .orderBy(asc(personalizedContent.created_at), asc(personalizedContent.id));
}

export async function latestAllocation(segmentId: string, tx: Database) {
  const [row] = await tx
    .select({ id: experimentAllocations.id, shares: experimentAllocations.shares })
    .from(experimentAllocations)
    .where(eq(experimentAllocations.segment_id, segmentId))
    .orderBy(desc(experimentAllocations.created_at), desc(experimentAllocations.id))
    .limit(1);
  return row;
}

export async function insertAllocation(
  segmentId: string,
  shares: Record<string, number>,
  reason: string,
  tx: Database,
): Promise<void> {
  await tx.insert(experimentAllocations).values({ segment_id: segmentId, shares, reason });
}

export async function insertHistory(
  values: {
    segment_id: string;
    kind: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    reason: string | null;
  },
  tx: Database,
): Promise<void> {
  await tx.insert(experimentHistory).values(values);
}

/** The segment of a personalized content item and its weight, read under the caller's segment lock. */
export async function findArm(id: string, tx: Database) {
  const [row] = await tx
    .select({
      segment_id: personalizedContent.segment_id,
      traffic_weight: personalizedContent.traffic_weight,
      variant_id: personalizedContent.variant_id,
    })
    .from(personalizedContent)
    .where(eq(personalizedContent.id, id))
    .limit(1);
  return row;
}
