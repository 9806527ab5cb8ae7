import "server-only";
import { type Database, transaction } from "@/db/client";
import type { ExperimentSettings } from "@/db/schema";
import { ApiError, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { listSegmentArms } from "./queries";
import { readExperiment, sharesOfWeights } from "./read-out";
import type { ExperimentResult } from "./schemas";
import {
  findLatestAllocation,
  insertAllocation,
  insertExperimentHistory,
  lockExperimentSettings,
  setTrafficWeights,
} from "./settings-queries";
import { seededUniform, seedFrom, thompsonShares } from "./thompson";
import { variantLabel } from "./verdict";

const SAME_SHARE = 1e-9;

function sameShares(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => Math.abs((a[key] ?? 0) - (b[key] ?? 0)) < SAME_SHARE);
}

/**
 * One bandit re-allocation under the settings lock: Thompson sampling on the primary metric's posteriors
 * gives the experiment arms' shares, which become their traffic weights (scaled to the arms' current total,
 * so content outside the experiment keeps its share). The sampler is seeded from the data, so the same
 * data gives the same split; an unchanged split is not stored again. Returns whether anything changed.
 */
export async function reallocateLocked(segmentId: string, settings: ExperimentSettings, tx: Database) {
  const readOut = await readExperiment(segmentId, { alpha: 0.05 }, tx, settings);
  if (readOut.variants.length < 2) return false;
  const banditArms = readOut.variants.map((variant) => ({
    id: variant.personalized_content_id,
    is_control: variant.is_control,
    successes: variant.successes,
    trials: variant.views,
  }));
  const seed = seedFrom(
    [segmentId, ...banditArms.map((arm) => `${arm.id}:${arm.successes}/${arm.trials}`)].join("|"),
  );
  const { shares, probabilityBest } = thompsonShares(banditArms, {
    controlFloor: settings.control_floor,
    uniform: seededUniform(seed),
  });

  const all = await listSegmentArms(segmentId, tx);
  const armTotal = readOut.variants.reduce((sum, variant) => sum + Math.max(0, variant.traffic_weight), 0);
  const scale = armTotal > 0 ? armTotal : 1;
  const weights = Object.fromEntries(Object.entries(shares).map(([id, share]) => [id, share * scale]));
  const before = sharesOfWeights(all);
  const after = sharesOfWeights(
    all.map((arm) => ({
      ...arm,
      traffic_weight: weights[arm.personalized_content_id] ?? arm.traffic_weight,
    })),
  );
  const latest = await findLatestAllocation(segmentId, tx);
  if (latest?.reason === "bandit" && sameShares(latest.shares, after) && sameShares(before, after))
    return false;

  await setTrafficWeights(segmentId, weights, tx);
  await insertAllocation(segmentId, after, "bandit", tx);
  const labels = readOut.variants
    .map(
      (variant) =>
        `${variantLabel(variant)} ${(probabilityBest[variant.personalized_content_id] * 100).toFixed(1)}%`,
    )
    .join(", ");
  await insertExperimentHistory(
    {
      segment_id: segmentId,
      kind: "reallocate",
      changes: Object.fromEntries(
        Object.keys(after)
          .filter((id) => Math.abs((before[id] ?? 0) - after[id]) >= SAME_SHARE)
          .map((id) => [id, { from: before[id] ?? 0, to: after[id] }]),
      ),
      reason:
        `Thompson sampling on ${readOut.metric} per ${readOut.unit === "users" ? "user" : "view"}: ` +
        `probability to be best ${labels}; control floor ${Math.round(settings.control_floor * 100)}%.`,
    },
    tx,
  );
  return true;
}

/** `POST …/experiment/reallocate`: only for bandit allocation, and not after a winner was promoted. */
export async function reallocateExperiment(segmentId: string): Promise<ExperimentResult> {
  return transaction(async (tx) => {
    const settings = await lockExperimentSettings(segmentId, tx);
    if (!settings) throw notFound("Segment", segmentId);
    if (settings.allocation !== "bandit") {
      throw new ApiError(
        "conflict",
        "This experiment uses fixed allocation; set allocation to bandit to re-allocate traffic.",
      );
    }
    if (settings.status === "completed") {
      throw new ApiError("conflict", "This experiment is completed: its winner receives all traffic.");
    }
    const arms = (await listSegmentArms(segmentId, tx)).filter((arm) => arm.in_experiment);
    if (arms.length < 2) {
      throw new ApiError("conflict", "Re-allocation needs at least two arms (a control and a variant).");
    }
    await reallocateLocked(segmentId, settings, tx);
    await recordAudit(tx, {
      action: "reallocate",
      resource_type: "experiment",
      resource_id: segmentId,
      summary: { arms: arms.length },
    });
    return readExperiment(segmentId, { alpha: 0.05 }, tx);
  });
}
