import type { ExperimentArm, ExperimentMetric } from "@/components/hooks/use-experiment";
import { ChartFigure } from "@/components/ui/chart-figure";
import { formatShare } from "@/components/ui/format";
import { SvgChart } from "@/components/ui/svg-chart";
import { armLabel, metricLabel } from "./experiment-labels";

/**
 * The rate of each arm with its confidence interval as error bars; the control is drawn in grey. Plain SVG: the
 * chart is on the Content & A/B tab's first screen, where a charting library cost the tab its interactivity.
 */
export function ExperimentChart({ arms, metric }: { arms: ExperimentArm[]; metric: ExperimentMetric }) {
  const data = arms.map((arm) => {
    const rate = arm.rate ?? 0;
    const [low, high] = arm.rate_ci ?? [rate, rate];
    return {
      id: arm.personalized_content_id,
      label: armLabel(arm),
      rate: rate * 100,
      interval: [low * 100, high * 100] as const,
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
      <SvgChart
        points={data}
        category={(entry) => entry.label}
        height={260}
        tickFormat={(value) => `${Number(value.toFixed(2))}%`}
        valueFormat={(value) => `${value.toFixed(2)}%`}
        series={[
          {
            label: `${metricLabel[metric]} rate`,
            kind: "bar",
            color: "#4f46e5",
            pointColor: (entry) => (entry.isControl ? "#94a3b8" : "#4f46e5"),
            interval: (entry) => entry.interval,
            value: (entry) => entry.rate,
          },
        ]}
      />
    </ChartFigure>
  );
}
