import "server-only";
import { type Database, getDb, transaction } from "@/db/client";
import type { ExperimentSettings } from "@/db/schema";
import { notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { findSegment } from "@/lib/segments/queries";
import { listSegmentArms } from "./queries";
import { readExperiment, settingsOutput, sharesOfWeights } from "./read-out";
import type { ExperimentQuery, ExperimentResult } from "./schemas";
import {
  type ExperimentSettingsChanges,
  insertAllocation,
  insertExperimentHistory,
  listAllocations,
  listDailyExposures,
  listExperimentHistory,
  lockExperimentSettings,
  updateExperimentSettings,
} from "./settings-queries";
import type { ExperimentSettingsInput, ExperimentTimeline } from "./settings-schemas";

async function requireSegment(segmentId: string, db: Database): Promise<void> {
  if (!(await findSegment(segmentId, db))) throw notFound("Segment", segmentId);
}

export async function getExperimentResults(
  segmentId: string,
  query: ExperimentQuery,
): Promise<ExperimentResult> {
  const db = await getDb();
  await requireSegment(segmentId, db);
  return readExperiment(segmentId, query, db);
}

/** Field → {from, to} for each field whose value changes. */
function diff(row: ExperimentSettings, changes: ExperimentSettingsChanges) {
  const before = settingsOutput(row) as Record<string, unknown>;
  const after = settingsOutput({ ...row, ...changes } as ExperimentSettings) as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(changes)
      .filter((field) => before[field] !== after[field])
      .map((field) => [field, { from: before[field], to: after[field] }]),
  );
}

/**
 * Changes the given settings and records what changed in the experiment history. Setting a status on a
 * completed experiment restarts it: the winner is cleared, and every decision follows the weights again.
 */
export async function updateExperiment(
  segmentId: string,
  input: ExperimentSettingsInput,
): Promise<ExperimentResult> {
  return transaction(async (tx) => {
    const row = await lockExperimentSettings(segmentId, tx);
    if (!row) throw notFound("Segment", segmentId);
    const changes: ExperimentSettingsChanges = { ...input };
    const restart = input.status !== undefined && row.status === "completed";
    if (restart) {
      changes.winner_personalized_content_id = null;
      changes.completed_at = null;
    }
    const changed = diff(row, changes);
    if (Object.keys(changed).length > 0) {
      await updateExperimentSettings(segmentId, changes, tx);
      await insertExperimentHistory({ segment_id: segmentId, kind: "settings", changes: changed }, tx);
      await recordAudit(tx, {
        action: "update",
        resource_type: "experiment",
        resource_id: segmentId,
        changes: Object.fromEntries(
          Object.entries(changed).map(([field, change]) => [
            field,
            { before: change.from, after: change.to },
          ]),
        ),
      });
    }
    // The latest split was the winner's 100%; new users follow the weights again, and their assignments
    // must point at that split for the sample-ratio check.
    if (restart)
      await insertAllocation(segmentId, sharesOfWeights(await listSegmentArms(segmentId, tx)), "weights", tx);
    return readExperiment(segmentId, { alpha: 0.05 }, tx);
  });
}

export async function getExperimentTimeline(segmentId: string): Promise<ExperimentTimeline> {
  const db = await getDb();
  await requireSegment(segmentId, db);
  const [history, allocations, exposures] = await Promise.all([
    listExperimentHistory(segmentId, db),
    listAllocations(segmentId, db),
    listDailyExposures(segmentId, db),
  ]);
  return {
    history: history.map((entry) => ({
      ...entry,
      kind: entry.kind as ExperimentTimeline["history"][number]["kind"],
      at: entry.at.toISOString(),
    })),
    allocations: allocations.map((allocation) => ({
      id: allocation.id,
      at: allocation.at.toISOString(),
      reason: allocation.reason as ExperimentTimeline["allocations"][number]["reason"],
      shares: Object.entries(allocation.shares).map(([personalized_content_id, share]) => ({
        personalized_content_id,
        share,
      })),
    })),
    exposures,
  };
}
