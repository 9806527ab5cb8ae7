"use client";

import type { MemberGrowthPoint } from "@/components/hooks/use-analytics";
import { ChartFigure } from "@/components/ui/chart-figure";
import { formatDay, formatInteger } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import { SvgChart } from "@/components/ui/svg-chart";
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
        <SvgChart
          points={points}
          category={(point) => formatDay(point.date)}
          height={260}
          leftTitle="Members"
          rightTitle="Per day"
          series={[
            {
              label: "Joined",
              kind: "bar",
              axis: "right",
              color: seriesColors.joins,
              value: (point) => point.joins,
            },
            {
              label: "Left",
              kind: "bar",
              axis: "right",
              color: seriesColors.leaves,
              value: (point) => point.leaves,
            },
            { label: "Members", kind: "line", color: seriesColors.members, value: (point) => point.members },
          ]}
        />
      )}
    </ChartFigure>
  );
}
