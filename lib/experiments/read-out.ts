import "server-only";
import type { Database } from "@/db/client";
import type { ExperimentSettings } from "@/db/schema";
import { evaluateExperiment } from "./evaluate-experiment";
import { expectedSharesByAssignment } from "./planning";
import { countUsersByArm, listAssignmentGroups, listSegmentArms } from "./queries";
import type { ExperimentArm, ExperimentQuery, ExperimentResult } from "./schemas";
import { findExperimentSettings } from "./settings-queries";
import { defaultExperimentSettings, type ExperimentSettingsOutput } from "./settings-schemas";

export function settingsOutput(row: ExperimentSettings | undefined): ExperimentSettingsOutput {
  if (!row) return { ...defaultExperimentSettings };
  return {
    status: row.status as ExperimentSettingsOutput["status"],
    allocation: row.allocation as ExperimentSettingsOutput["allocation"],
    primary_metric: row.primary_metric as ExperimentSettingsOutput["primary_metric"],
    minimum_detectable_effect: row.minimum_detectable_effect,
    auto_promote: row.auto_promote,
    control_floor: row.control_floor,
    winner_personalized_content_id: row.winner_personalized_content_id,
    completed_at: row.completed_at?.toISOString() ?? null,
  };
}

/** Arm id → weight over the sum of the segment's weights (equal shares when every weight is 0). */
export function sharesOfWeights(arms: { personalized_content_id: string; traffic_weight: number }[]) {
  const total = arms.reduce((sum, arm) => sum + Math.max(0, arm.traffic_weight), 0);
  return Object.fromEntries(
    arms.map((arm) => [
      arm.personalized_content_id,
      total > 0 ? Math.max(0, arm.traffic_weight) / total : 1 / arms.length,
    ]),
  );
}

/**
 * The experiment's read-out. Its unit is the user when any user has been exposed to an arm: an arm's trials
 * are its assigned users and its successes those who converted (engaged) after exposure, and the sample-ratio
 * check weighs each user with the shares in force at assignment. Otherwise it falls back to the counters.
 */
export async function readExperiment(
  segmentId: string,
  query: ExperimentQuery,
  db: Database,
  settingsRow?: ExperimentSettings,
): Promise<ExperimentResult> {
  const settings = settingsOutput(settingsRow ?? (await findExperimentSettings(segmentId, db)));
  const metric = query.metric ?? settings.primary_metric;
  const [all, usersByArm] = await Promise.all([
    listSegmentArms(segmentId, db),
    countUsersByArm(segmentId, db),
  ]);
  const currentShares = sharesOfWeights(all);
  const experimentArms = all.filter((arm) => arm.in_experiment);
  const unit = experimentArms.some((arm) => (usersByArm.get(arm.personalized_content_id)?.users ?? 0) > 0)
    ? "users"
    : "views";
  const arms: ExperimentArm[] = experimentArms.map((arm) => {
    const users = usersByArm.get(arm.personalized_content_id);
    const trials = unit === "users" ? (users?.users ?? 0) : arm.views;
    const successes =
      unit === "users"
        ? ((metric === "conversion" ? users?.converted : users?.engaged) ?? 0)
        : metric === "conversion"
          ? arm.conversions
          : arm.engagements;
    return {
      personalized_content_id: arm.personalized_content_id,
      variant_id: arm.variant_id,
      is_control: arm.is_control,
      title: arm.title,
      views: trials,
      successes,
      traffic_weight: arm.traffic_weight,
      planned_share: currentShares[arm.personalized_content_id],
    };
  });
  const expectedShares =
    unit === "users"
      ? expectedSharesByAssignment(
          arms.map((arm) => arm.personalized_content_id),
          await listAssignmentGroups(segmentId, db),
          currentShares,
        )
      : undefined;
  const evaluation = evaluateExperiment(arms, {
    metric,
    unit,
    mde: query.mde ?? settings.minimum_detectable_effect,
    alpha: query.alpha,
    expectedShares,
  });
  return { segment_id: segmentId, ...evaluation, settings };
}
