import "server-only";
import { percentOf } from "@/lib/analytics/percent";
import { readEngagementTrends, readMemberGrowth } from "@/lib/analytics/queries";
import { notFound } from "@/lib/api/errors";
import { findSegment } from "@/lib/segments/queries";
import { backtest } from "./backtest";
import { fitHoltWinters, forecastHoltWinters } from "./holt-winters";
import {
  FORECAST_MAX_HISTORY_DAYS,
  FORECAST_MIN_HISTORY_DAYS,
  type ForecastMetric,
  type ForecastQuery,
  type SegmentForecast,
} from "./schemas";

const PERIOD = 7;
const METHOD =
  "Additive Holt-Winters (ETS(A,A,A)) with a weekly season, smoothing parameters fitted by least squares " +
  "on one-step-ahead errors (Levenberg-Marquardt); intervals from the model's error variance by horizon";

interface Point {
  date: string;
  value: number;
}

/**
 * The segment's daily series: the Overview's engagement trend (content_performance_daily, which the event
 * stream and the aggregate performance updates both write) or its member growth. Today is left out because
 * it is not over yet (a partial day would look like a drop); days before the first activity are left out
 * because a series that had not started is not a series of zeros.
 */
async function readHistory(segmentId: string, metric: ForecastMetric): Promise<Point[]> {
  let points: (Point & { active: boolean })[];
  if (metric === "member_count") {
    const growth = await readMemberGrowth(segmentId, FORECAST_MAX_HISTORY_DAYS + 1);
    points = growth.map((row) => ({
      date: row.date,
      value: row.members,
      active: row.members !== 0 || row.joins > 0 || row.leaves > 0,
    }));
  } else {
    const trends = await readEngagementTrends(segmentId, FORECAST_MAX_HISTORY_DAYS + 1);
    points = trends.map((row) => ({
      date: row.date,
      value:
        metric === "views"
          ? row.views
          : metric === "conversions"
            ? row.conversions
            : percentOf(row.engagement, row.views),
      active: row.views > 0 || row.engagement > 0 || row.conversions > 0,
    }));
  }
  const complete = points.slice(0, -1);
  const first = complete.findIndex((point) => point.active);
  return first === -1 ? [] : complete.slice(first).map(({ date, value }) => ({ date, value }));
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

function boundsOf(metric: ForecastMetric) {
  return { min: 0, max: metric === "engagement_rate" ? 100 : Number.POSITIVE_INFINITY };
}

/** Forecast of one metric of a segment, with its backtest against the seasonal-naive baseline. */
export async function forecastSegment(segmentId: string, query: ForecastQuery): Promise<SegmentForecast> {
  const segment = await findSegment(segmentId);
  if (!segment) throw notFound("Segment", segmentId);
  const { metric, horizon } = query;
  const history = await readHistory(segmentId, metric);
  const base = { segment_id: segmentId, metric, horizon, method: METHOD, history };
  if (history.length < FORECAST_MIN_HISTORY_DAYS) {
    return {
      ...base,
      parameters: null,
      forecast: [],
      reason: `Forecasting needs at least ${FORECAST_MIN_HISTORY_DAYS} complete days (three weeks) of history; this segment has ${history.length}.`,
      backtest: {
        mape: null,
        baseline_mape: null,
        baseline: "seasonal_naive",
        days: 0,
        zero_days_excluded: 0,
        beats_baseline: null,
        reason: "No forecast, so no backtest.",
      },
    };
  }
  const series = history.map((point) => point.value);
  const bounds = boundsOf(metric);
  const model = fitHoltWinters(series, PERIOD);
  const last = history[history.length - 1].date;
  const forecast = forecastHoltWinters(model, horizon, bounds).map((point, i) => ({
    date: addDays(last, i + 1),
    ...point,
  }));
  return {
    ...base,
    parameters: { alpha: model.alpha, beta: model.beta, gamma: model.gamma, period: PERIOD },
    forecast,
    reason: null,
    backtest: backtest(series, horizon, bounds, PERIOD),
  };
}
