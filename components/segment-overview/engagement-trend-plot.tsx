"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { EngagementTrendPoint } from "@/components/hooks/use-analytics";
import { formatDay } from "@/components/segment-page/format";
import { seriesColors } from "./chart-colors";

/** The drawing of the engagement trend; loaded on its own when the chart comes into view. */
export default function EngagementTrendPlot({ points }: { points: EngagementTrendPoint[] }) {
  return (
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
  );
}
