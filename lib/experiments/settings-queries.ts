import "server-only";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";
import {
  experimentAllocations,
  experimentHistory,
  experimentSettings,
  personalizedContent,
} from "@/db/schema";
import { lockSegmentSplit } from "@/lib/personalized/traffic-queries";

export async function findExperimentSettings(segmentId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .select()
    .from(experimentSettings)
    .where(eq(experimentSettings.segment_id, segmentId));
  return row;
}

/**
 * The segment's settings row, created with the defaults if missing, locked until the transaction ends; undefined
 * when the segment does not exist. The segment's split lock comes first (the one weight changes take), so
 * settings changes, promotions, re-allocations and weight changes of one segment run one at a time.
 */
export async function lockExperimentSettings(segmentId: string, tx: Database) {
  if (!(await lockSegmentSplit(segmentId, tx))) return undefined;
  await tx.insert(experimentSettings).values({ segment_id: segmentId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(experimentSettings)
    .where(eq(experimentSettings.segment_id, segmentId))
    .for("update");
  return row;
}

export type ExperimentSettingsChanges = Partial<
  Pick<
    typeof experimentSettings.$inferInsert,
    | "status"
    | "allocation"
    | "primary_metric"
    | "minimum_detectable_effect"
    | "auto_promote"
    | "control_floor"
    | "winner_personalized_content_id"
    | "completed_at"
  >
>;

export async function updateExperimentSettings(
  segmentId: string,
  changes: ExperimentSettingsChanges,
  tx: Database,
): Promise<void> {
  await tx
    .update(experimentSettings)
    .set({ ...changes, updated_at: new Date() })
    .where(eq(experimentSettings.segment_id, segmentId));
}

export async function insertExperimentHistory(
  entry: typeof experimentHistory.$inferInsert,
  tx: Database,
): Promise<void> {
  await tx.insert(experimentHistory).values(entry);
}

export async function insertAllocation(
  segmentId: string,
  shares: Record<string, number>,
  reason: "weights" | "bandit" | "promote",
  tx: Database,
): Promise<number> {
  const [row] = await tx
    .insert(experimentAllocations)
    .values({ segment_id: segmentId, shares, reason })
    .returning({ id: experimentAllocations.id });
  return row.id;
}

export async function findLatestAllocation(segmentId: string, db: Database) {
  const [row] = await db
    .select()
    .from(experimentAllocations)
    .where(eq(experimentAllocations.segment_id, segmentId))
    .orderBy(desc(experimentAllocations.created_at), desc(experimentAllocations.id))
    .limit(1);
  return row;
}

/** Sets the arms' traffic weights in one statement. */
export async function setTrafficWeights(
  segmentId: string,
  weights: Record<string, number>,
  tx: Database,
): Promise<void> {
  const ids = Object.keys(weights);
  if (ids.length === 0) return;
  const cases = sql.join(
    ids.map((id) => sql`when ${id}::uuid then ${weights[id]}::double precision`),
    sql` `,
  );
  await tx
    .update(personalizedContent)
    .set({ traffic_weight: sql`case ${personalizedContent.id} ${cases} end`, updated_at: new Date() })
    .where(and(eq(personalizedContent.segment_id, segmentId), inArray(personalizedContent.id, ids)));
}

export async function listExperimentHistory(segmentId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  return executor
    .select({
      id: experimentHistory.id,
      kind: experimentHistory.kind,
      changes: experimentHistory.changes,
      reason: experimentHistory.reason,
      at: experimentHistory.at,
    })
    .from(experimentHistory)
    .where(eq(experimentHistory.segment_id, segmentId))
    .orderBy(asc(experimentHistory.at), asc(experimentHistory.id));
}

export async function listAllocations(segmentId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  return executor
    .select({
      id: experimentAllocations.id,
      at: experimentAllocations.created_at,
      reason: experimentAllocations.reason,
      shares: experimentAllocations.shares,
    })
    .from(experimentAllocations)
    .where(eq(experimentAllocations.segment_id, segmentId))
    .orderBy(asc(experimentAllocations.created_at), asc(experimentAllocations.id));
}

/** Users first exposed to each arm, per UTC day. */
export async function listDailyExposures(segmentId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<{ date: string; personalized_content_id: string; users: number | string }>(
    executor,
    sql`
      select to_char((exposed_at at time zone 'UTC')::date, 'YYYY-MM-DD') as date,
        personalized_content_id, count(*) as users
      from experiment_assignments
      where segment_id = ${segmentId}
      group by 1, 2
      order by 1, 2`,
  );
  return rows.map((row) => ({ ...row, users: Number(row.users) }));
}

/** Segments the scheduled pass looks at: running experiments under bandit allocation or with auto-promotion. */
export async function listSegmentsForExperimentPass(db: Database): Promise<string[]> {
  const rows = await db
    .select({ segment_id: experimentSettings.segment_id })
    .from(experimentSettings)
    .where(
      and(
        eq(experimentSettings.status, "running"),
        or(eq(experimentSettings.allocation, "bandit"), eq(experimentSettings.auto_promote, true)),
      ),
    )
    .orderBy(asc(experimentSettings.segment_id));
  return rows.map((row) => row.segment_id);
}
