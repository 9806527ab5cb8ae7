"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { EngagementTrendPoint } from "@/components/hooks/use-analytics";
import { formatDay, formatInteger, formatPercent } from "@/components/segment-page/format";
import { ChartFigure } from "@/components/ui/chart-figure";
import { EmptyState } from "@/components/ui/states";
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
        <LineChart
          data={points}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: 260 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={formatDay} fontSize={12} minTickGap={24} />
          <YAxis fontSize={12} allowDecimals={false} />
          <Tooltip labelFormatter={(label) => formatDay(String(label))} />
          <Legend itemSorter={null} />
          <Line type="monotone" dataKey="views" name="Views" stroke={seriesColors.views} dot={false} />
          <Line
            type="monotone"
            dataKey="engagement"
            name="Engagement"
            stroke={seriesColors.engagement}
            dot={false}
          />
          <Line
            type="monotone"
            dataKey="conversions"
            name="Conversions"
            stroke={seriesColors.conversions}
            dot={false}
          />
        </LineChart>
      )}
    </ChartFigure>
  );
}
