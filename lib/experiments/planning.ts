import { chiSquareSurvival, normalQuantile } from "./distributions";

/**
 * Views needed per group to detect a relative change `mde` of the baseline rate with a two-sided
 * two-proportion z-test at level `alpha` and the given power (Fleiss, Statistical Methods for Rates and
 * Proportions, 3rd ed., eq. 4.14 without continuity correction; the same n as R's `power.prop.test`).
 * Null when the baseline is 0 or 1, or the target rate would leave (0, 1).
 */
export function requiredSampleSize(
  baselineRate: number,
  mde: number,
  alpha: number,
  power: number,
): number | null {
  const p1 = baselineRate;
  const p2 = baselineRate * (1 + mde);
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || p1 === p2) return null;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const mean = (p1 + p2) / 2;
  const numerator =
    zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil(numerator ** 2 / (p2 - p1) ** 2);
}

export interface SampleRatioCheck {
  expectedShares: number[];
  observedShares: number[];
  chiSquare: number;
  pValue: number;
}

/**
 * Pearson's chi-square goodness-of-fit of the observed counts per group against the planned shares
 * (k − 1 degrees of freedom, k = the groups the plan gives a share): a sample ratio mismatch means the split
 * itself is broken. A group planned at 0% that received anything is a certain mismatch (chi-square ∞, p 0).
 * Without plan (or with an all-zero plan) the shares are equal. Null without data or with fewer than two groups.
 */
export function sampleRatioCheck(counts: number[], plannedShares?: number[]): SampleRatioCheck | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (counts.length < 2 || total <= 0) return null;
  const planTotal = (plannedShares ?? []).reduce((sum, share) => sum + Math.max(0, share), 0);
  const weights =
    plannedShares && planTotal > 0 ? plannedShares.map((share) => Math.max(0, share)) : counts.map(() => 1);
  const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
  const expectedShares = weights.map((weight) => weight / weightTotal);
  const planned = expectedShares.filter((share) => share > 0).length;
  if (planned < 2) return null;
  const chiSquare = counts.reduce((sum, count, i) => {
    const expected = total * expectedShares[i];
    if (expected === 0) return count > 0 ? Number.POSITIVE_INFINITY : sum;
    return sum + (count - expected) ** 2 / expected;
  }, 0);
  return {
    expectedShares,
    observedShares: counts.map((count) => count / total),
    chiSquare,
    pValue: Number.isFinite(chiSquare) ? chiSquareSurvival(chiSquare, planned - 1) : 0,
  };
}

export interface AssignmentGroup {
  /** The split in force when these users were assigned (arm id → share); null when it is unknown. */
  shares: Record<string, number> | null;
  /** Arm id → users assigned under that split. */
  users: Record<string, number>;
}

/**
 * The share of users each arm should have under the plan, when the plan changed during the test: each user
 * counts with the shares in force when that user was assigned, restricted to the arms being read out (a user
 * in another arm is not in the counts). Users without a known split count with `fallback` (the current
 * shares). Returns arm id → expected share of all the arms' users.
 */
export function expectedSharesByAssignment(
  armIds: string[],
  groups: AssignmentGroup[],
  fallback: Record<string, number>,
): Record<string, number> {
  const expected: Record<string, number> = Object.fromEntries(armIds.map((id) => [id, 0]));
  let totalUsers = 0;
  for (const group of groups) {
    const users = armIds.reduce((sum, id) => sum + (group.users[id] ?? 0), 0);
    if (users === 0) continue;
    const restricted = (shares: Record<string, number> | null) => {
      const total = armIds.reduce((sum, id) => sum + Math.max(0, shares?.[id] ?? 0), 0);
      return total > 0 ? armIds.map((id) => Math.max(0, shares?.[id] ?? 0) / total) : null;
    };
    const shares = restricted(group.shares) ?? restricted(fallback);
    if (!shares) continue;
    armIds.forEach((id, i) => {
      expected[id] += users * shares[i];
    });
    totalUsers += users;
  }
  if (totalUsers === 0) return fallback;
  return Object.fromEntries(armIds.map((id) => [id, expected[id] / totalUsers]));
}
