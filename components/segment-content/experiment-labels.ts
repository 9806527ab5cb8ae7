import type { ExperimentArm, ExperimentSettings, ExperimentStatus } from "@/components/hooks/use-experiment";
import type { PersonalizedContent } from "@/components/hooks/use-personalized-content";
import { compareText, formatPValue } from "@/components/ui/format";

export const metricLabel = { conversion: "Conversion", engagement: "Engagement" } as const;

export const armLabel = (arm: ExperimentArm) =>
  arm.variant_id ?? (arm.is_control ? "Control" : (arm.title ?? "Variant"));

/** The same name for an arm of the content list as for an arm of the read-out. */
export const contentArmLabel = (item: PersonalizedContent) =>
  item.variant_id ?? (item.is_control ? "Control" : (item.content?.title ?? "Variant"));

/** The arms as the read-out lists them: the control first, then the variants by name. */
export const controlFirst = (items: PersonalizedContent[]) =>
  [...items].sort(
    (a, b) =>
      Number(b.is_control) - Number(a.is_control) || compareText(contentArmLabel(a), contentArmLabel(b)),
  );

export const runStatusLabel: Record<
  ExperimentSettings["status"],
  { text: string; tone: "gray" | "green" | "amber" | "red" | "indigo"; description: string }
> = {
  running: {
    text: "Running",
    tone: "green",
    description: "Users are assigned to arms and see their content.",
  },
  paused: { text: "Paused", tone: "amber", description: "Nothing is delivered until you start it again." },
  stopped: { text: "Stopped", tone: "gray", description: "Nothing is delivered; start it to test again." },
  completed: {
    text: "Completed",
    tone: "indigo",
    description: "A winner was promoted: every user sees it. Start to test again.",
  },
};

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
