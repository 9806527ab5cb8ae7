import { fitHoltWinters, forecastHoltWinters, MIN_SEASONS_TO_FIT } from "./holt-winters";

export interface BacktestResult {
  mape: number | null;
  baseline_mape: number | null;
  baseline: "seasonal_naive";
  /** Held-out days whose actual value is 0: a percentage error is undefined there, so they are left out. */
  zero_days_excluded: number;
  days: number;
  beats_baseline: boolean | null;
  reason: string | null;
}

/**
 * Mean absolute percentage error over the days whose actual value is not 0, in percent. Zero actuals make
 * the percentage error infinite, so they are skipped (and counted by the caller); null when every day is 0.
 */
export function meanAbsolutePercentageError(
  actual: readonly number[],
  predicted: readonly number[],
): number | null {
  let sum = 0;
  let days = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) continue;
    sum += Math.abs((actual[i] - predicted[i]) / actual[i]);
    days += 1;
  }
  return days === 0 ? null : (100 * sum) / days;
}

/**
 * The seasonal-naive forecast from a training series: each future day repeats the value one period earlier,
 * taken from the last observed period (for h > period the last observed week repeats), so the baseline, like
 * the model, sees nothing of the held-out days.
 */
export function seasonalNaive(train: readonly number[], horizon: number, period = 7): number[] {
  const lastSeason = train.slice(train.length - period);
  return Array.from({ length: horizon }, (_, i) => lastSeason[i % period]);
}

/**
 * Holds out the last `horizon` days, fits the model on the rest and compares both forecasts with what
 * happened. Needs two full seasons before the held-out days.
 */
export function backtest(
  series: readonly number[],
  horizon: number,
  bounds: { min: number; max: number },
  period = 7,
): BacktestResult {
  const trainLength = series.length - horizon;
  const empty = { baseline: "seasonal_naive" as const, zero_days_excluded: 0, days: 0 };
  if (trainLength < MIN_SEASONS_TO_FIT * period) {
    return {
      ...empty,
      mape: null,
      baseline_mape: null,
      beats_baseline: null,
      reason: `The backtest needs ${MIN_SEASONS_TO_FIT * period} days before the ${horizon} held-out days; the history has ${series.length}.`,
    };
  }
  const train = series.slice(0, trainLength);
  const actual = series.slice(trainLength);
  const model = forecastHoltWinters(fitHoltWinters(train, period), horizon, bounds).map(
    (point) => point.value,
  );
  const baseline = seasonalNaive(train, horizon, period);
  const mape = meanAbsolutePercentageError(actual, model);
  const baselineMape = meanAbsolutePercentageError(actual, baseline);
  const zeroDays = actual.filter((value) => value === 0).length;
  return {
    mape,
    baseline_mape: baselineMape,
    baseline: "seasonal_naive",
    zero_days_excluded: zeroDays,
    days: actual.length - zeroDays,
    beats_baseline: mape === null || baselineMape === null ? null : mape < baselineMape,
    reason: mape === null ? "Every held-out day is 0: a percentage error is undefined." : null,
  };
}
