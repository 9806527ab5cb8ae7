"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { SegmentForecast } from "@/components/hooks/use-intelligence";
import { formatDay, formatDecimal } from "@/components/segment-page/format";
import { ChartFigure } from "@/components/ui/chart-figure";

interface Row {
  date: string;
  history?: number;
  forecast?: number;
  band80?: [number, number];
  band95?: [number, number];
}

/** History, then the forecast with its 80% and 95% bands; recharts, loaded with this module only. */
export default function ForecastChart({ forecast, label }: { forecast: SegmentForecast; label: string }) {
  // The last 8 weeks of history are enough context for a two-week forecast.
  const history = forecast.history.slice(-56);
  const last = history.at(-1);
  const rows: Row[] = [
    ...history.map((point) => ({ date: point.date, history: point.value })),
    ...forecast.forecast.map((point) => ({
      date: point.date,
      forecast: point.value,
      band80: [point.lower_80, point.upper_80] as [number, number],
      band95: [point.lower_95, point.upper_95] as [number, number],
    })),
  ];
  // The forecast line starts at the last observed day so the two lines join.
  if (last) rows[history.length - 1] = { ...rows[history.length - 1], forecast: last.value };
  const end = forecast.forecast.at(-1);
  return (
    <ChartFigure
      title={`${label}: history and ${forecast.horizon}-day forecast`}
      summary={
        end
          ? `By ${formatDay(end.date)}: ${formatDecimal(end.value)} expected, 80% between ${formatDecimal(end.lower_80)} and ${formatDecimal(end.upper_80)}, 95% between ${formatDecimal(end.lower_95)} and ${formatDecimal(end.upper_95)}.`
          : undefined
      }
      rows={forecast.forecast}
      rowKey={(row) => row.date}
      columns={[
        { header: "Date", cell: (row) => formatDay(row.date) },
        { header: "Forecast", cell: (row) => formatDecimal(row.value) },
        {
          header: "80% interval",
          cell: (row) => `${formatDecimal(row.lower_80)}–${formatDecimal(row.upper_80)}`,
        },
        {
          header: "95% interval",
          cell: (row) => `${formatDecimal(row.lower_95)}–${formatDecimal(row.upper_95)}`,
        },
      ]}
    >
      <div data-testid="forecast-band">
        <ComposedChart
          data={rows}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: 260 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={formatDay} fontSize={12} minTickGap={24} />
          <YAxis fontSize={12} />
          <Tooltip labelFormatter={(value) => formatDay(String(value))} />
          <Legend />
          <Area dataKey="band95" name="95% interval" stroke="none" fill="#0072B2" fillOpacity={0.12} />
          <Area dataKey="band80" name="80% interval" stroke="none" fill="#0072B2" fillOpacity={0.25} />
          <Line dataKey="history" name="History" stroke="#334155" dot={false} />
          <Line dataKey="forecast" name="Forecast" stroke="#0072B2" strokeDasharray="5 3" dot={false} />
        </ComposedChart>
      </div>
    </ChartFigure>
  );
}
