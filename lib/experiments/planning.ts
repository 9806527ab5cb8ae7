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
 * (k − 1 degrees of freedom): a sample ratio mismatch means the split itself is broken. Null without data.
 */
export function sampleRatioCheck(counts: number[], plannedShares?: number[]): SampleRatioCheck | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (counts.length < 2 || total <= 0) return null;
  const weights = plannedShares ?? counts.map(() => 1);
  const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
  const expectedShares = weights.map((weight) => weight / weightTotal);
  const chiSquare = counts.reduce((sum, count, i) => {
    const expected = total * expectedShares[i];
    return sum + (count - expected) ** 2 / expected;
  }, 0);
  return {
    expectedShares,
    observedShares: counts.map((count) => count / total),
    chiSquare,
    pValue: chiSquareSurvival(chiSquare, counts.length - 1),
  };
}
