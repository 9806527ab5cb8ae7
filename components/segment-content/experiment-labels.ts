import type { ExperimentArm, ExperimentStatus } from "@/components/hooks/use-experiment";
import { formatPValue } from "@/components/segment-page/format";

export const metricLabel = { conversion: "Conversion", engagement: "Engagement" } as const;

export const armLabel = (arm: ExperimentArm) =>
  arm.variant_id ?? (arm.is_control ? "Control" : (arm.title ?? "Variant"));

/** "p = 0.042", or "p < 0.001" for the smallest values. */
export const pValueText = (value: number | null) => {
  const text = formatPValue(value);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
};

export const statusLabel: Record<
  ExperimentStatus,
  { text: string; tone: "gray" | "green" | "amber" | "red" | "indigo" }
> = {
  no_experiment: { text: "No experiment", tone: "gray" },
  no_control: { text: "No control group", tone: "amber" },
  single_variant: { text: "Only one variant", tone: "amber" },
  collecting_data: { text: "Collecting data", tone: "indigo" },
  significant_winner: { text: "Winner found", tone: "green" },
  significant_loser: { text: "Variant loses", tone: "red" },
  no_detectable_difference: { text: "No detectable difference", tone: "gray" },
};
