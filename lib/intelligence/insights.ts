import { relativeUpliftInterval } from "@/lib/experiments/proportions";
import { fitBetaPrior, posteriorRate } from "./beta-binomial";
import type { SegmentRank } from "./insight-schemas";

const Z95 = 1.959963984540054;

export interface LiftFigures {
  rate: number;
  rate_without: number;
  lift: number | null;
  lift_lower_95: number | null;
  lift_upper_95: number | null;
}

/**
 * Rate with / rate without, with the Katz log-ratio interval (as the experiment read-out's relative uplift).
 * Null when either side has no successes: the ratio or its interval would be 0 or unbounded.
 */
export function liftOf(
  successes: number,
  trials: number,
  successesWithout: number,
  trialsWithout: number,
): LiftFigures {
  const rate = trials > 0 ? successes / trials : 0;
  const rateWithout = trialsWithout > 0 ? successesWithout / trialsWithout : 0;
  const interval = relativeUpliftInterval(successes, trials, successesWithout, trialsWithout, Z95);
  return {
    rate,
    rate_without: rateWithout,
    lift: interval ? rate / rateWithout : null,
    lift_lower_95: interval ? interval[0] + 1 : null,
    lift_upper_95: interval ? interval[1] + 1 : null,
  };
}

/** Orders lifts by their lower bound: a lift measured on a few users does not outrank a well-measured one. */
export function byLowerBound<T extends LiftFigures>(a: T, b: T): number {
  return (b.lift_lower_95 ?? Number.NEGATIVE_INFINITY) - (a.lift_lower_95 ?? Number.NEGATIVE_INFINITY);
}

/**
 * Segments ranked by a rate shrunk toward an empirical-Bayes prior fitted across the segments with views, so
 * that 2 conversions in 2 views sit near the average rather than at 100%.
 */
export function rankSegments(
  rows: readonly { segment_id: string; segment_name: string; views: number; successes: number }[],
) {
  const prior = fitBetaPrior(rows.map((row) => ({ successes: row.successes, trials: row.views })));
  const ranked: SegmentRank[] = rows
    .filter((row) => row.views > 0)
    .map((row) => {
      const posterior = posteriorRate(prior, row.successes, row.views);
      return {
        segment_id: row.segment_id,
        segment_name: row.segment_name,
        views: row.views,
        successes: row.successes,
        observed_rate: Math.min(1, row.successes / row.views),
        ...posterior,
      };
    })
    .sort((a, b) => b.estimate - a.estimate || a.segment_id.localeCompare(b.segment_id));
  return { prior: { ...prior, mean: prior.alpha / (prior.alpha + prior.beta) }, ranked };
}
