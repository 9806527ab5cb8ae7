import { z } from "zod";

export const FORECAST_METRICS = ["views", "engagement_rate", "conversions", "member_count"] as const;
export const FORECAST_MAX_HORIZON = 60;
/** Three weekly seasons: less history than this gives no forecast, only a reason. */
export const FORECAST_MIN_HISTORY_DAYS = 21;
/** The longest history read (days before today). */
export const FORECAST_MAX_HISTORY_DAYS = 365;

export const forecastQuery = z
  .object({
    metric: z
      .enum(FORECAST_METRICS)
      .default("views")
      .describe(
        "The daily series: views, engagement_rate (percent), conversions (from the segment's content), member_count (members at the end of each day).",
      ),
    horizon: z.coerce
      .number()
      .int()
      .min(1)
      .max(FORECAST_MAX_HORIZON)
      .default(14)
      .describe(`Days to forecast after the last complete day, 1 to ${FORECAST_MAX_HORIZON}.`),
  })
  .strict();

const day = z.string().describe("A UTC day, YYYY-MM-DD.");

export const forecastPointSchema = z.object({
  date: day,
  value: z.number(),
  lower_80: z.number(),
  upper_80: z.number(),
  lower_95: z.number(),
  upper_95: z.number(),
});

export const backtestSchema = z.object({
  mape: z
    .number()
    .nullable()
    .describe("Mean absolute percentage error (percent) of the model on the held-out last `horizon` days."),
  baseline_mape: z.number().nullable().describe("The same for the seasonal-naive baseline."),
  baseline: z.literal("seasonal_naive"),
  days: z.number().int().describe("Held-out days the errors are averaged over."),
  zero_days_excluded: z
    .number()
    .int()
    .describe(
      "Held-out days whose actual value is 0 (a percentage error is undefined there), left out of both.",
    ),
  beats_baseline: z.boolean().nullable().describe("The model's MAPE is below the baseline's."),
  reason: z.string().nullable().describe("Why the errors are null, when they are."),
});

export const forecastSchema = z
  .object({
    segment_id: z.uuid(),
    metric: z.enum(FORECAST_METRICS),
    horizon: z.number().int(),
    method: z.string().describe("The model and how it was fitted."),
    parameters: z
      .object({ alpha: z.number(), beta: z.number(), gamma: z.number(), period: z.number().int() })
      .nullable()
      .describe("The fitted smoothing parameters; null without a forecast."),
    history: z.array(z.object({ date: day, value: z.number() })),
    forecast: z.array(forecastPointSchema),
    backtest: backtestSchema,
    reason: z.string().nullable().describe("Why `forecast` is empty, when it is."),
  })
  .meta({ id: "SegmentForecast" });

export type ForecastQuery = z.infer<typeof forecastQuery>;
export type ForecastMetric = (typeof FORECAST_METRICS)[number];
export type SegmentForecast = z.infer<typeof forecastSchema>;
