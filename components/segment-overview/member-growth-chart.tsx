"use client";

import dynamic from "next/dynamic";
import type { MemberGrowthPoint } from "@/components/hooks/use-analytics";
import { formatDay, formatInteger } from "@/components/segment-page/format";
import { ChartFigure } from "@/components/ui/chart-figure";
import { EmptyState } from "@/components/ui/states";
import { WhenVisible } from "@/components/ui/when-visible";

const MemberGrowthPlot = dynamic(() => import("./member-growth-plot"), { ssr: false });

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
        <WhenVisible height={260}>
          <MemberGrowthPlot points={points} />
        </WhenVisible>
      )}
    </ChartFigure>
  );
}
