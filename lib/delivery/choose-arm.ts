import { armForBucket, bucketOf } from "./bucket";
import type { DecisionReason } from "./schemas";

export interface ExperimentArm {
  id: string;
  traffic_weight: number;
}

/** A segment's experiment as decide sees it; a segment without settings has the defaults. */
export interface SegmentExperiment<Arm extends ExperimentArm = ExperimentArm> {
  segment_id: string;
  status: string;
  allocation: string;
  salt: string | null;
  winner_personalized_content_id: string | null;
  /** The split in force: arm id → share. Null before the first split was recorded. */
  latest_allocation: { id: number; shares: Record<string, number> } | null;
  /** In a stable order (by creation): bucket ranges follow it. */
  arms: Arm[];
}

export interface StoredAssignment {
  personalized_content_id: string;
  bucket: number;
}

export interface ArmChoice<Arm extends ExperimentArm> {
  arm: Arm;
  bucket: number;
  reason: DecisionReason;
  /** A first exposure: recorded as an assignment when the decision counts as one. */
  isNew: boolean;
}

export const defaultSettings = {
  status: "running",
  allocation: "fixed",
  salt: null,
  winner_personalized_content_id: null,
} as const;

/** Paused and stopped experiments deliver nothing; a completed one delivers its winner. */
export const delivers = (status: string) => status === "running" || status === "completed";

/**
 * The arm a user sees in a segment, by precedence: a promoted winner; the arm stored at the user's first
 * exposure (sticky, whatever the weights are now); else the arm whose bucket range holds hash(salt, user) under
 * the weights in force — the arms' traffic weights, or under bandit allocation the shares of the latest
 * re-allocation. Undefined when the experiment does not deliver or no arm can take a new user.
 */
export function chooseArm<Arm extends ExperimentArm>(
  experiment: SegmentExperiment<Arm>,
  userId: string,
  stored: StoredAssignment | undefined,
): ArmChoice<Arm> | undefined {
  if (!delivers(experiment.status) || experiment.arms.length === 0) return undefined;
  const byId = (id: string | null | undefined) => experiment.arms.find((arm) => arm.id === id);
  const bucket = () => stored?.bucket ?? bucketOf(experiment.salt ?? experiment.segment_id, userId);
  const winner =
    experiment.status === "completed" ? byId(experiment.winner_personalized_content_id) : undefined;
  if (winner) return { arm: winner, bucket: bucket(), reason: "winner", isNew: false };
  const storedArm = byId(stored?.personalized_content_id);
  if (storedArm && stored) return { arm: storedArm, bucket: stored.bucket, reason: "sticky", isNew: false };

  const shares = experiment.allocation === "bandit" ? experiment.latest_allocation?.shares : undefined;
  const weighted = experiment.arms.map((arm) => ({
    arm,
    id: arm.id,
    weight: shares ? (shares[arm.id] ?? 0) : arm.traffic_weight,
  }));
  const value = bucket();
  const chosen = armForBucket(weighted, value);
  if (!chosen) return undefined;
  const candidates = weighted.filter((entry) => entry.weight > 0).length;
  const reason: DecisionReason =
    candidates === 1 ? "only_variant" : experiment.allocation === "bandit" ? "bandit" : "new";
  return { arm: chosen.arm, bucket: value, reason, isNew: true };
}

/** The planned split of the arms' traffic weights: arm id → weight / sum (empty when every weight is 0). */
export function sharesOf(arms: readonly ExperimentArm[]): Record<string, number> {
  const total = arms.reduce((sum, arm) => sum + Math.max(arm.traffic_weight, 0), 0);
  if (total <= 0) return {};
  return Object.fromEntries(arms.map((arm) => [arm.id, Math.max(arm.traffic_weight, 0) / total]));
}
