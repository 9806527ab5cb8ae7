"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ContentPerformance } from "@/components/hooks/use-analytics";
import { seriesColors } from "./chart-colors";

/** The drawing of the content performance chart; loaded on its own when the chart comes into view. */
export default function ContentPerformancePlot({
  data,
}: {
  data: Array<ContentPerformance & { label: string }>;
}) {
  return (
    <BarChart
      data={data}
      responsive
      accessibilityLayer={false}
      style={{ width: "100%", height: 280 }}
      margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      <XAxis dataKey="label" fontSize={12} interval={0} />
      <YAxis fontSize={12} allowDecimals={false} />
      <Tooltip />
      <Legend itemSorter={null} />
      <Bar dataKey="views" name="Views" fill={seriesColors.views} />
      <Bar dataKey="engagement" name="Engagement" fill={seriesColors.engagement} />
      <Bar dataKey="conversions" name="Conversions" fill={seriesColors.conversions} />
    </BarChart>
  );
}
