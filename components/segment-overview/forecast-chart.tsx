import type { SegmentForecast } from "@/components/hooks/use-intelligence";
import { ChartFigure } from "@/components/ui/chart-figure";
import { formatDay, formatDecimal } from "@/components/ui/format";
import { SvgChart } from "@/components/ui/svg-chart";

interface Row {
  date: string;
  history?: number;
  forecast?: number;
  band80?: readonly [number, number];
  band95?: readonly [number, number];
}

/** History, then the forecast with its 80% and 95% bands, drawn as plain SVG. */
export function ForecastChart({ forecast, label }: { forecast: SegmentForecast; label: string }) {
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
      <SvgChart
        points={rows}
        category={(row) => formatDay(row.date)}
        height={260}
        valueFormat={formatDecimal}
        series={[
          {
            label: "95% interval",
            kind: "band",
            color: "#0072B2",
            opacity: 0.12,
            range: (row) => row.band95,
          },
          {
            label: "80% interval",
            kind: "band",
            color: "#0072B2",
            opacity: 0.25,
            range: (row) => row.band80,
          },
          { label: "History", kind: "line", color: "#334155", value: (row) => row.history },
          { label: "Forecast", kind: "line", color: "#0072B2", dashed: true, value: (row) => row.forecast },
        ]}
      />
    </ChartFigure>
  );
}
