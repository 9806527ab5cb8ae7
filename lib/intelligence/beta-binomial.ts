import quantile from "@stdlib/stats-base-dists-beta-quantile";
import { sum } from "simple-statistics";

/**
 * Empirical-Bayes Beta-Binomial shrinkage, shared by the content recommendations and the cross-segment
 * insights. Pure: no database.
 */

export interface BetaPrior {
  alpha: number;
  beta: number;
  /** How the prior was obtained, for the answer's `prior.method`. */
  method: "method_of_moments" | "no_between_unit_spread" | "uniform_too_few_units";
  units: number;
}

export interface Proportion {
  successes: number;
  trials: number;
}

/** Past this prior strength (α + β, in pseudo-trials) the units are treated as one rate. */
export const MAX_PRIOR_STRENGTH = 10_000;
const MIN_UNITS = 3;

/**
 * A Beta(α, β) prior for the units' true rates by the size-weighted method of moments (Kleinman 1973):
 * with m = Σx/Σn and S = Σ n(p − m)², E[S] = m(1 − m)(k − 1) + τ²(N − Σn²/N), which gives the spread of the
 * true rates τ²; then α + β = m(1 − m)/τ² − 1. Weighting by size keeps a unit with 2 views out of the spread
 * (unweighted moments let one lucky 2-of-2 unit flatten the prior). With no spread left the units are treated
 * as one rate (α + β capped at MAX_PRIOR_STRENGTH); with fewer than 3 units with trials, Beta(1, 1).
 */
export function fitBetaPrior(units: readonly Proportion[]): BetaPrior {
  const observed = units
    .filter((unit) => unit.trials > 0)
    .map((unit) => ({ successes: Math.min(unit.successes, unit.trials), trials: unit.trials }));
  if (observed.length < MIN_UNITS) {
    return { alpha: 1, beta: 1, method: "uniform_too_few_units", units: observed.length };
  }
  const total = sum(observed.map((unit) => unit.trials));
  // Kept off 0 and 1 so that a prior over units that never (or always) succeed stays a proper Beta.
  const m = Math.min(1 - 1e-6, Math.max(1e-6, sum(observed.map((unit) => unit.successes)) / total));
  const scatter = sum(observed.map((unit) => unit.trials * (unit.successes / unit.trials - m) ** 2));
  const effective = total - sum(observed.map((unit) => unit.trials ** 2)) / total;
  const spread = effective > 0 ? (scatter - m * (1 - m) * (observed.length - 1)) / effective : 0;
  const strength =
    spread > 0 ? Math.min(MAX_PRIOR_STRENGTH, Math.max(1, (m * (1 - m)) / spread - 1)) : MAX_PRIOR_STRENGTH;
  return {
    alpha: m * strength,
    beta: (1 - m) * strength,
    method: spread > 0 ? "method_of_moments" : "no_between_unit_spread",
    units: observed.length,
  };
}

export interface ShrunkRate {
  estimate: number;
  lower_95: number;
  upper_95: number;
}

/** The posterior mean and equal-tailed 95% credible interval of Beta(α + successes, β + failures). */
export function posteriorRate(
  prior: Pick<BetaPrior, "alpha" | "beta">,
  successes: number,
  trials: number,
): ShrunkRate {
  const capped = Math.min(successes, trials);
  const a = prior.alpha + capped;
  const b = prior.beta + Math.max(0, trials - capped);
  return { estimate: a / (a + b), lower_95: quantile(0.025, a, b), upper_95: quantile(0.975, a, b) };
}
