"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { MemberGrowthPoint } from "@/components/hooks/use-analytics";
import { formatDay } from "@/components/segment-page/format";
import { seriesColors } from "./chart-colors";

/** The drawing of the member growth chart; loaded on its own when the chart comes into view. */
export default function MemberGrowthPlot({ points }: { points: MemberGrowthPoint[] }) {
  return (
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
  );
}
