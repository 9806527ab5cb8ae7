"use client";

import { useState } from "react";
import {
  type ForecastMetric,
  type SegmentForecast,
  useSegmentForecast,
} from "@/components/hooks/use-intelligence";
import { useNearViewport } from "@/components/hooks/use-near-viewport";
import { SelectField } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ForecastChart } from "./forecast-chart";

const HORIZON = 14;
const metrics: { value: ForecastMetric; label: string }[] = [
  { value: "views", label: "Views" },
  { value: "engagement_rate", label: "Engagement rate" },
  { value: "conversions", label: "Conversions" },
  { value: "member_count", label: "Members" },
];

const oneDecimal = (value: number) => `${value.toFixed(1)}%`;

/** The backtest in one sentence a marketer can act on. */
export function backtestSentence(forecast: SegmentForecast): string {
  const { backtest } = forecast;
  if (backtest.mape === null || backtest.baseline_mape === null) {
    return backtest.reason ?? "There is not enough history to backtest the forecast.";
  }
  const verdict = backtest.beats_baseline
    ? "it beat the baseline, so its forecast is worth more than last week's figures"
    : "it did not beat the baseline, so treat the forecast with care: last week's figures did as well";
  const zeros =
    backtest.zero_days_excluded > 0
      ? ` (${backtest.zero_days_excluded} day${backtest.zero_days_excluded === 1 ? "" : "s"} with 0 left out)`
      : "";
  return `Backtest on the last ${forecast.horizon} days: the forecast was off by ${oneDecimal(backtest.mape)} on average, repeating the week before was off by ${oneDecimal(backtest.baseline_mape)}${zeros}; ${verdict}.`;
}

/** Forecast of a daily metric with its interval band, after the history; below the fold, loaded lazily. */
export function ForecastSection({ segmentId }: { segmentId: string }) {
  const [metric, setMetric] = useState<ForecastMetric>("views");
  const { ref, near } = useNearViewport<HTMLElement>();
  const forecast = useSegmentForecast(segmentId, metric, HORIZON, near);
  const label = metrics.find((item) => item.value === metric)?.label ?? metric;
  return (
    <section ref={ref} aria-labelledby="forecast-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="forecast-heading" className="text-lg font-semibold">
          Forecast
        </h2>
        <SelectField
          label="Forecast metric"
          className="w-48"
          value={metric}
          onChange={(event) => setMetric(event.target.value as ForecastMetric)}
          options={metrics}
        />
      </div>
      {!near || forecast.isPending ? (
        <LoadingState label="Loading the forecast…" />
      ) : forecast.isError ? (
        <ErrorState error={forecast.error} onRetry={() => forecast.refetch()} />
      ) : forecast.data.forecast.length === 0 ? (
        <EmptyState title="No forecast yet">{forecast.data.reason}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-700">{backtestSentence(forecast.data)}</p>
          <ForecastChart forecast={forecast.data} label={label} />
        </>
      )}
    </section>
  );
}
