"use client";

import type { EngagementTrendPoint } from "@/components/hooks/use-analytics";
import { ChartFigure } from "@/components/ui/chart-figure";
import { formatDay, formatInteger, formatPercent } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import { SvgChart } from "@/components/ui/svg-chart";
import { seriesColors } from "./chart-colors";

export function EngagementTrendChart({ points, days }: { points: EngagementTrendPoint[]; days: number }) {
  const totals = points.reduce(
    (sum, point) => ({
      views: sum.views + point.views,
      engagement: sum.engagement + point.engagement,
      conversions: sum.conversions + point.conversions,
    }),
    { views: 0, engagement: 0, conversions: 0 },
  );
  const summary = `Last ${days} days: ${formatInteger(totals.views)} views, ${formatInteger(totals.engagement)} engagements and ${formatInteger(totals.conversions)} conversions.`;
  return (
    <ChartFigure
      title="Engagement trend"
      summary={summary}
      rows={points}
      rowKey={(point) => point.date}
      columns={[
        { header: "Date", cell: (point) => formatDay(point.date) },
        { header: "Views", cell: (point) => formatInteger(point.views) },
        { header: "Engagement", cell: (point) => formatInteger(point.engagement) },
        { header: "Conversions", cell: (point) => formatInteger(point.conversions) },
        { header: "Engagement rate", cell: (point) => formatPercent(point.engagement_rate) },
      ]}
    >
      {totals.views + totals.engagement + totals.conversions === 0 ? (
        <EmptyState title="No activity in this period">
          Views, engagements and conversions of this segment's content will show here.
        </EmptyState>
      ) : (
        <SvgChart
          points={points}
          category={(point) => formatDay(point.date)}
          height={260}
          series={[
            { label: "Views", kind: "line", color: seriesColors.views, value: (point) => point.views },
            {
              label: "Engagement",
              kind: "line",
              color: seriesColors.engagement,
              value: (point) => point.engagement,
            },
            {
              label: "Conversions",
              kind: "line",
              color: seriesColors.conversions,
              value: (point) => point.conversions,
            },
          ]}
        />
      )}
    </ChartFigure>
  );
}
