"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { MemberGrowthPoint } from "@/components/hooks/use-analytics";
import { formatDay, formatInteger } from "@/components/segment-page/format";
import { ChartFigure } from "@/components/ui/chart-figure";
import { EmptyState } from "@/components/ui/states";
import { seriesColors } from "./chart-colors";

export function MemberGrowthChart({ points, days }: { points: MemberGrowthPoint[]; days: number }) {
  const first = points[0];
  const last = points.at(-1);
  const joins = points.reduce((sum, point) => sum + point.joins, 0);
  const leaves = points.reduce((sum, point) => sum + point.leaves, 0);
  const summary =
    first && last
      ? `Last ${days} days: ${formatInteger(joins)} joined and ${formatInteger(leaves)} left; ${formatInteger(last.members)} members now.`
      : undefined;
  return (
    <ChartFigure
      title="Member growth"
      summary={summary}
      rows={points}
      rowKey={(point) => point.date}
      columns={[
        { header: "Date", cell: (point) => formatDay(point.date) },
        { header: "Members", cell: (point) => formatInteger(point.members) },
        { header: "Joined", cell: (point) => formatInteger(point.joins) },
        { header: "Left", cell: (point) => formatInteger(point.leaves) },
      ]}
    >
      {points.length === 0 ? (
        <EmptyState title="No members yet">Members who join or leave will show here.</EmptyState>
      ) : (
        <ComposedChart
          data={points}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: 260 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={formatDay} fontSize={12} minTickGap={24} />
          <YAxis
            yAxisId="members"
            fontSize={12}
            allowDecimals={false}
            label={{ value: "Members", angle: -90, position: "insideLeft", fontSize: 12 }}
          />
          <YAxis
            yAxisId="changes"
            orientation="right"
            fontSize={12}
            allowDecimals={false}
            label={{ value: "Per day", angle: 90, position: "insideRight", fontSize: 12 }}
          />
          <Tooltip labelFormatter={(label) => formatDay(String(label))} />
          <Legend itemSorter={null} />
          <Bar yAxisId="changes" dataKey="joins" name="Joined" fill={seriesColors.joins} />
          <Bar yAxisId="changes" dataKey="leaves" name="Left" fill={seriesColors.leaves} />
          <Line
            yAxisId="members"
            type="monotone"
            dataKey="members"
            name="Members"
            stroke={seriesColors.members}
            strokeWidth={2}
            dot={false}
          />
        </ComposedChart>
      )}
    </ChartFigure>
  );
}
