import "server-only";
import type { Database } from "@/db/client";
import { transaction } from "@/db/client";
import type { ExperimentSettings } from "@/db/schema";
import { ApiError, notFound, referenceNotFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { listSegmentArms } from "./queries";
import { readExperiment } from "./read-out";
import type { ExperimentResult } from "./schemas";
import {
  insertAllocation,
  insertExperimentHistory,
  lockExperimentSettings,
  updateExperimentSettings,
} from "./settings-queries";
import type { PromoteInput } from "./settings-schemas";
import { describeWin, significantBestArm } from "./winner";

/**
 * Marks the experiment completed with `winnerId` as the winner (every decision then returns it), stores the
 * split that follows (the winner 100%) and records when and why in the history. Runs under the settings lock.
 */
export async function applyPromotion(
  segmentId: string,
  settings: ExperimentSettings,
  winnerId: string,
  reason: string,
  tx: Database,
): Promise<void> {
  const arms = await listSegmentArms(segmentId, tx);
  const completedAt = new Date();
  await updateExperimentSettings(
    segmentId,
    { status: "completed", winner_personalized_content_id: winnerId, completed_at: completedAt },
    tx,
  );
  await insertAllocation(
    segmentId,
    Object.fromEntries(
      arms.map((arm) => [arm.personalized_content_id, arm.personalized_content_id === winnerId ? 1 : 0]),
    ),
    "promote",
    tx,
  );
  await insertExperimentHistory(
    {
      segment_id: segmentId,
      kind: "promote",
      changes: {
        status: { from: settings.status, to: "completed" },
        winner_personalized_content_id: { from: settings.winner_personalized_content_id, to: winnerId },
      },
      reason,
      at: completedAt,
    },
    tx,
  );
}

/**
 * Promotes the given arm, or without one the arm that is significantly best on the primary metric (409 when
 * none is yet, with the read-out's verdict as the reason).
 */
export async function promoteExperiment(segmentId: string, input: PromoteInput): Promise<ExperimentResult> {
  return transaction(async (tx) => {
    const settings = await lockExperimentSettings(segmentId, tx);
    if (!settings) throw notFound("Segment", segmentId);
    const readOut = await readExperiment(segmentId, { alpha: 0.05 }, tx, settings);
    let winnerId: string;
    let reason: string;
    if (input.personalized_content_id) {
      const arms = await listSegmentArms(segmentId, tx);
      const arm = arms.find(
        (candidate) => candidate.personalized_content_id === input.personalized_content_id,
      );
      if (!arm) {
        throw referenceNotFound(
          "personalized_content_id",
          "Personalized content of this segment",
          input.personalized_content_id,
        );
      }
      const readArm = readOut.variants.find(
        (variant) => variant.personalized_content_id === arm.personalized_content_id,
      );
      winnerId = arm.personalized_content_id;
      reason = `Promoted by hand. ${readArm && readArm === significantBestArm(readOut) ? describeWin(readOut, readArm) : readOut.verdict}`;
    } else {
      const best = significantBestArm(readOut);
      if (!best) {
        throw new ApiError(
          "conflict",
          `No arm is significantly best yet, so there is nothing to promote: ${readOut.verdict}`,
        );
      }
      winnerId = best.personalized_content_id;
      reason = `Promoted by hand. ${describeWin(readOut, best)}`;
    }
    await applyPromotion(segmentId, settings, winnerId, reason, tx);
    await recordAudit(tx, {
      action: "promote",
      resource_type: "experiment",
      resource_id: segmentId,
      changes: {
        status: { before: settings.status, after: "completed" },
        winner_personalized_content_id: { before: settings.winner_personalized_content_id, after: winnerId },
      },
    });
    return readExperiment(segmentId, { alpha: 0.05 }, tx);
  });
}
