import { levenbergMarquardt } from "ml-levenberg-marquardt";
import { probit } from "simple-statistics";

/**
 * Additive Holt-Winters in its state-space (error-correction) form, ETS(A,A,A) in Hyndman et al.,
 * "Forecasting with Exponential Smoothing" (2008), ch. 2–3 and 6:
 *   ŷ_t = l + b + s[t mod m];  e_t = y_t − ŷ_t
 *   l ← l + b + α e_t;  b ← b + β e_t;  s[t mod m] ← s[t mod m] + γ e_t
 * Pure: no database, no clock. Used by the forecast service and its backtest.
 */

export interface HoltWintersModel {
  alpha: number;
  beta: number;
  gamma: number;
  period: number;
  /** States after the last observation. */
  level: number;
  trend: number;
  /** Seasonal states indexed by t mod period. */
  seasonal: number[];
  /** Observations fitted. */
  length: number;
  /** One-step-ahead residual variance, SSE / (n − 3). */
  sigma2: number;
}

export interface ForecastPoint {
  value: number;
  lower_80: number;
  upper_80: number;
  lower_95: number;
  upper_95: number;
}

export const MIN_SEASONS_TO_FIT = 2;
const Z80 = probit(0.9);
const Z95 = probit(0.975);
// Kept off the boundaries so that every component stays identifiable and the recursions stable.
const EDGE = 1e-4;

interface InitialStates {
  level: number;
  trend: number;
  seasonal: number[];
}

/**
 * Heuristic initial states from the first two seasons (as in Hyndman et al. 2008, §2.6.1, simplified):
 * level = mean of the first season, trend = difference of the first two seasons' means per step, seasonal =
 * the first season's deviations from that line. The level is moved back to "just before t = 0".
 */
function initialStates(series: readonly number[], period: number): InitialStates {
  const mean = (from: number) => {
    let sum = 0;
    for (let i = from; i < from + period; i++) sum += series[i];
    return sum / period;
  };
  const first = mean(0);
  const trend = (mean(period) - first) / period;
  const center = (period - 1) / 2;
  const seasonal = Array.from({ length: period }, (_, i) => series[i] - (first + trend * (i - center)));
  return { level: first - trend * (center + 1), trend, seasonal };
}

/** α, β, γ from the box-bounded parameters: β = α·β*, γ = (1 − α)·γ* keep 0 < β < α and 0 < γ < 1 − α. */
function smoothing([a, bStar, gStar]: readonly number[]) {
  return { alpha: a, beta: a * bStar, gamma: (1 - a) * gStar };
}

interface Run {
  predictions: Float64Array;
  sse: number;
  level: number;
  trend: number;
  seasonal: number[];
}

function run(
  series: readonly number[],
  period: number,
  start: InitialStates,
  params: readonly number[],
): Run {
  const { alpha, beta, gamma } = smoothing(params);
  let level = start.level;
  let trend = start.trend;
  const seasonal = [...start.seasonal];
  const predictions = new Float64Array(series.length);
  let sse = 0;
  for (let t = 0; t < series.length; t++) {
    const slot = t % period;
    const predicted = level + trend + seasonal[slot];
    const error = series[t] - predicted;
    predictions[t] = predicted;
    sse += error * error;
    level = level + trend + alpha * error;
    trend = trend + beta * error;
    seasonal[slot] += gamma * error;
  }
  return { predictions, sse, level, trend, seasonal };
}

// Starting points for the local optimizer: low, medium and high smoothing. The best fit of the three wins,
// so that a flat start in one corner of the box cannot trap the fit.
const STARTS = [
  [0.2, 0.1, 0.1],
  [0.5, 0.2, 0.3],
  [0.8, 0.05, 0.5],
];

/**
 * Fits α, β, γ by least squares on the one-step-ahead errors, which under additive Gaussian errors is the
 * maximum-likelihood fit with σ² profiled out. The optimizer is ml-levenberg-marquardt (box-bounded).
 * Needs at least two full seasons.
 */
export function fitHoltWinters(series: readonly number[], period = 7): HoltWintersModel {
  if (series.length < MIN_SEASONS_TO_FIT * period) {
    throw new RangeError(`Holt-Winters needs at least ${MIN_SEASONS_TO_FIT * period} observations`);
  }
  const start = initialStates(series, period);
  const x = Array.from(series, (_, i) => i);
  let best: { params: number[]; result: Run } | undefined;
  for (const initialValues of STARTS) {
    // The optimizer asks for the model at every x of one parameter vector in turn: cache the last run.
    let cacheKey = "";
    let cached: Float64Array = new Float64Array(0);
    const model = (params: number[]) => {
      const key = params.join(",");
      if (key !== cacheKey) {
        cacheKey = key;
        cached = run(series, period, start, params).predictions;
      }
      const predictions = cached;
      return (t: number) => predictions[t];
    };
    const fitted = levenbergMarquardt({ x, y: series }, model, {
      initialValues,
      minValues: [EDGE, EDGE, EDGE],
      maxValues: [1 - EDGE, 1 - EDGE, 1 - EDGE],
      gradientDifference: 1e-4,
      centralDifference: true,
      maxIterations: 200,
      errorTolerance: 1e-10,
    });
    const params = fitted.parameterValues.map((value) => Math.min(1 - EDGE, Math.max(EDGE, value)));
    const result = run(series, period, start, params);
    if (Number.isFinite(result.sse) && (!best || result.sse < best.result.sse)) best = { params, result };
  }
  const chosen = best ?? { params: STARTS[0], result: run(series, period, start, STARTS[0]) };
  const { alpha, beta, gamma } = smoothing(chosen.params);
  const degrees = Math.max(1, series.length - 3);
  return {
    alpha,
    beta,
    gamma,
    period,
    level: chosen.result.level,
    trend: chosen.result.trend,
    seasonal: chosen.result.seasonal,
    length: series.length,
    sigma2: chosen.result.sse / degrees,
  };
}

/**
 * Point forecasts h = 1…horizon steps ahead with prediction intervals from the method's own error variance
 * (Hyndman et al. 2008, Table 6.1, class 1): v_h = σ² [1 + Σ_{j=1}^{h−1} c_j²], c_j = α + βj + γ·[j mod m = 0].
 * `bounds` clamps values and limits to what the metric can take (counts ≥ 0, rates 0–100).
 */
export function forecastHoltWinters(
  model: HoltWintersModel,
  horizon: number,
  bounds: { min: number; max: number } = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY },
): ForecastPoint[] {
  const clamp = (value: number) => Math.min(bounds.max, Math.max(bounds.min, value));
  const points: ForecastPoint[] = [];
  let sumOfSquares = 0;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) {
      const j = h - 1;
      const c = model.alpha + model.beta * j + (j % model.period === 0 ? model.gamma : 0);
      sumOfSquares += c * c;
    }
    const slot = (model.length + h - 1) % model.period;
    const value = model.level + h * model.trend + model.seasonal[slot];
    const sd = Math.sqrt(model.sigma2 * (1 + sumOfSquares));
    points.push({
      value: clamp(value),
      lower_80: clamp(value - Z80 * sd),
      upper_80: clamp(value + Z80 * sd),
      lower_95: clamp(value - Z95 * sd),
      upper_95: clamp(value + Z95 * sd),
    });
  }
  return points;
}
