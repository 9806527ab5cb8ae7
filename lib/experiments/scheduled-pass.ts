import "server-only";
import type { Database } from "@/db/client";
import { readEnv } from "@/lib/env";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { applyPromotion } from "./promotion";
import { readExperiment } from "./read-out";
import { reallocateLocked } from "./reallocation";
import { listSegmentsForExperimentPass, lockExperimentSettings } from "./settings-queries";
import { autoPromotionDecision } from "./winner";

export interface ExperimentPassOutcome {
  promoted: string[];
  reallocated: string[];
}

/**
 * One pass over the running experiments: an experiment with auto-promotion whose winner is established is
 * promoted; a bandit experiment otherwise gets a new split. Each segment runs in its own savepoint, so one
 * failing segment does not undo the others.
 */
export async function runExperimentPass(tx: Database): Promise<ExperimentPassOutcome> {
  const outcome: ExperimentPassOutcome = { promoted: [], reallocated: [] };
  for (const segmentId of await listSegmentsForExperimentPass(tx)) {
    try {
      await tx.transaction(async (savepoint) => {
        const db = savepoint as unknown as Database;
        const settings = await lockExperimentSettings(segmentId, db);
        if (settings?.status !== "running") return;
        if (settings.auto_promote) {
          const readOut = await readExperiment(segmentId, { alpha: 0.05 }, db, settings);
          const decision = autoPromotionDecision(readOut);
          if (decision) {
            await applyPromotion(
              segmentId,
              settings,
              decision.winner.personalized_content_id,
              decision.reason,
              db,
            );
            outcome.promoted.push(segmentId);
            return;
          }
        }
        if (settings.allocation === "bandit" && (await reallocateLocked(segmentId, settings, db))) {
          outcome.reallocated.push(segmentId);
        }
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      console.error(`Experiment pass failed for segment ${segmentId}${code ? ` (SQLSTATE ${code})` : ""}`);
    }
  }
  return outcome;
}

export function experimentJob(): ScheduledJob {
  return {
    name: "experiments",
    intervalSeconds: readEnv().BANDIT_INTERVAL_SECONDS,
    run: async (tx) => {
      await runExperimentPass(tx);
    },
  };
}
