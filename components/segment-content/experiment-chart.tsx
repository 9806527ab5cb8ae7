"use client";

import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, Tooltip, XAxis, YAxis } from "recharts";
import type { ExperimentArm, ExperimentMetric } from "@/components/hooks/use-experiment";
import { formatShare } from "@/components/segment-page/format";
import { ChartFigure } from "@/components/ui/chart-figure";
import { armLabel, metricLabel } from "./experiment-labels";

/** The rate of each arm with its confidence interval as error bars; the control is drawn in grey. */
export function ExperimentChart({ arms, metric }: { arms: ExperimentArm[]; metric: ExperimentMetric }) {
  const data = arms.map((arm) => {
    const rate = arm.rate ?? 0;
    const [low, high] = arm.rate_ci ?? [rate, rate];
    return {
      id: arm.personalized_content_id,
      label: armLabel(arm),
      rate: rate * 100,
      // Recharts draws [below, above] offsets from the bar's value.
      interval: [Math.max(0, rate - low) * 100, Math.max(0, high - rate) * 100],
      isControl: arm.is_control,
    };
  });
  const title = `${metricLabel[metric]} rate per variant`;
  return (
    <ChartFigure
      title={title}
      summary="Bars show each variant's rate; the whiskers its 95% confidence interval."
      rows={arms}
      rowKey={(arm) => arm.personalized_content_id}
      columns={[
        { header: "Variant", cell: armLabel },
        { header: "Rate", cell: (arm) => formatShare(arm.rate, 2) },
        {
          header: "95% interval",
          cell: (arm) =>
            arm.rate_ci ? `${formatShare(arm.rate_ci[0], 2)} to ${formatShare(arm.rate_ci[1], 2)}` : "–",
        },
      ]}
    >
      <BarChart
        data={data}
        responsive
        accessibilityLayer={false}
        style={{ width: "100%", height: 260 }}
        margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" fontSize={12} interval={0} />
        <YAxis fontSize={12} unit="%" />
        <Tooltip formatter={(value) => `${Number(value).toFixed(2)}%`} />
        <Bar dataKey="rate" name={`${metricLabel[metric]} rate`}>
          {data.map((entry) => (
            <Cell key={entry.id} fill={entry.isControl ? "#94a3b8" : "#4f46e5"} />
          ))}
          <ErrorBar dataKey="interval" width={8} strokeWidth={2} stroke="#0f172a" direction="y" />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
