import type { ExperimentEvaluation, VariantResult } from "./schemas";
import { variantLabel } from "./verdict";

type ReadOut = Pick<
  ExperimentEvaluation,
  | "status"
  | "variants"
  | "unit"
  | "metric"
  | "views_needed"
  | "sample_ratio"
  | "required_sample_size_per_variant"
>;

/**
 * The arm that is significantly best after Holm: the best variant that significantly beats the control, or
 * the control when every variant is significantly worse than it. Null while no arm is.
 */
export function significantBestArm(readOut: ReadOut): VariantResult | null {
  const control = readOut.variants.find((variant) => variant.is_control);
  const challengers = readOut.variants.filter((variant) => !variant.is_control);
  if (!control || challengers.length === 0) return null;
  const winners = challengers.filter((variant) => variant.significant && (variant.uplift_absolute ?? 0) > 0);
  if (winners.length > 0) {
    return winners.reduce((best, variant) => ((variant.rate ?? 0) > (best.rate ?? 0) ? variant : best));
  }
  const allLose = challengers.every((variant) => variant.significant && (variant.uplift_absolute ?? 0) < 0);
  return allLose ? control : null;
}

const percent = (rate: number | null) => (rate === null ? "n/a" : `${(rate * 100).toFixed(2)}%`);

/** Why an arm wins, in one sentence for the experiment history. */
export function describeWin(readOut: ReadOut, winner: VariantResult): string {
  const control = readOut.variants.find((variant) => variant.is_control);
  if (winner.is_control) {
    return `${variantLabel(winner)} is significantly better than every variant (${readOut.metric} rate ${percent(winner.rate)}).`;
  }
  const p = winner.p_value_adjusted;
  return (
    `${variantLabel(winner)} beats control: ${readOut.metric} rate ${percent(winner.rate)} vs ` +
    `${percent(control?.rate ?? null)} per ${readOut.unit === "users" ? "user" : "view"}, Holm-adjusted p ` +
    `${p === null ? "n/a" : p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`}.`
  );
}

/**
 * Auto-promotion's rule: promote only a per-user read-out (views can be posted by anyone) in which every arm
 * has reached the planned sample size, the best arm is significant after Holm, and the users are split as
 * planned (the sample-ratio check passes). Returns the winner and the reason, or null.
 */
export function autoPromotionDecision(readOut: ReadOut): { winner: VariantResult; reason: string } | null {
  if (readOut.unit !== "users" || readOut.views_needed !== 0) return null;
  const srm = readOut.sample_ratio;
  if (srm.p_value === null || srm.mismatch) return null;
  const winner = significantBestArm(readOut);
  if (!winner) return null;
  const reason =
    `Auto-promoted: every arm reached the planned ${readOut.required_sample_size_per_variant} users; ` +
    `${describeWin(readOut, winner)} The sample-ratio check passed (p = ${srm.p_value.toFixed(3)}).`;
  return { winner, reason };
}
