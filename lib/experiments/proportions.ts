import { normalSurvival } from "./distributions";

export type Interval = [number, number];

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3). Unlike the
 * Wald interval it stays inside [0, 1] and keeps its coverage near 0% and 100%. Null without trials.
 */
export function wilsonInterval(successes: number, trials: number, z: number): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = trials + z2;
  const center = (successes + z2 / 2) / denominator;
  const half = (z / denominator) * Math.sqrt(trials * p * (1 - p) + z2 / 4);
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/**
 * Interval for the difference p1 − p2 of two independent proportions by Newcombe's hybrid score method
 * (Newcombe 1998, Statistics in Medicine 17:873–890, method 10), built from the two Wilson intervals.
 */
export function newcombeDifferenceInterval(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  z: number,
): Interval | null {
  const first = wilsonInterval(successes1, trials1, z);
  const second = wilsonInterval(successes2, trials2, z);
  if (!first || !second) return null;
  const p1 = successes1 / trials1;
  const p2 = successes2 / trials2;
  const difference = p1 - p2;
  return [
    difference - Math.sqrt((p1 - first[0]) ** 2 + (second[1] - p2) ** 2),
    difference + Math.sqrt((first[1] - p1) ** 2 + (p2 - second[0]) ** 2),
  ];
}

/**
 * Two-sided two-proportion z-test with the pooled standard error (equivalent to Pearson's chi-square
 * test on the 2×2 table without continuity correction). When both groups show the same rate of 0% or
 * 100% there is no evidence of a difference and the p-value is 1.
 */
export function twoProportionZTest(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
): { z: number; pValue: number } | null {
  if (trials1 <= 0 || trials2 <= 0) return null;
  const pooled = (successes1 + successes2) / (trials1 + trials2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / trials1 + 1 / trials2));
  if (standardError === 0) return { z: 0, pValue: 1 };
  const z = (successes1 / trials1 - successes2 / trials2) / standardError;
  return { z, pValue: Math.min(1, 2 * normalSurvival(Math.abs(z))) };
}

/**
 * Interval for the relative uplift p1 / p2 − 1 by the delta method on the log risk ratio (Katz et al.
 * 1978): exp(ln(p1/p2) ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)) − 1. Undefined when either group has no successes.
 */
export function relativeUpliftInterval(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  z: number,
): Interval | null {
  if (successes1 <= 0 || successes2 <= 0 || trials1 <= 0 || trials2 <= 0) return null;
  const logRatio = Math.log(successes1 / trials1 / (successes2 / trials2));
  const standardError = Math.sqrt(1 / successes1 - 1 / trials1 + 1 / successes2 - 1 / trials2);
  return [Math.exp(logRatio - z * standardError) - 1, Math.exp(logRatio + z * standardError) - 1];
}

/**
 * Holm–Bonferroni step-down adjustment (Holm 1979), as R's `p.adjust(p, "holm")`: the i-th smallest of
 * m p-values is multiplied by (m − i + 1), made monotone, and capped at 1. Nulls are left out and stay null.
 */
export function holmAdjust(pValues: (number | null)[]): (number | null)[] {
  const present = pValues
    .map((value, index) => ({ value, index }))
    .filter((entry): entry is { value: number; index: number } => entry.value !== null)
    .sort((a, b) => a.value - b.value);
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  present.forEach((entry, rank) => {
    running = Math.max(running, Math.min(1, (present.length - rank) * entry.value));
    adjusted[entry.index] = running;
  });
  return adjusted;
}
