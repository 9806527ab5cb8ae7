import type { ExperimentEvaluation, VariantResult } from "./schemas";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `variant_a` → `Variant A`; an unnamed variant falls back to its content title. */
export function variantLabel(variant: Pick<VariantResult, "variant_id" | "title" | "is_control">): string {
  const name = variant.variant_id ?? variant.title ?? (variant.is_control ? "control" : "the variant");
  const words = name.split(/[_\-\s]+/).filter(Boolean);
  return words
    .map((word, i) =>
      word.length === 1 ? word.toUpperCase() : i === 0 ? word[0].toUpperCase() + word.slice(1) : word,
    )
    .join(" ");
}

function probability(p: number): string {
  const percent = Math.round(p * 100);
  if (percent >= 100) return "over 99%";
  if (percent <= 0) return "under 1%";
  return `${percent}%`;
}

const percent = (rate: number | null) => (rate === null ? "n/a" : `${(rate * 100).toFixed(2)}%`);
const signed = (value: number | null) =>
  value === null ? "n/a" : `${value >= 0 ? "+" : "−"}${Math.abs(value * 100).toFixed(1)}%`;
const pValue = (p: number | null) => (p === null ? "n/a" : p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`);

function comparison(variant: VariantResult, control: VariantResult, metric: string): string {
  return (
    `${metric} rate ${percent(variant.rate)} vs ${percent(control.rate)} ` +
    `(${signed(variant.uplift_relative)}, adjusted p ${pValue(variant.p_value_adjusted)})`
  );
}

function body(evaluation: ExperimentEvaluation): string {
  const { status, control, metric, unit } = evaluation;
  const challengers = evaluation.variants.filter((variant) => !variant.is_control);
  switch (status) {
    case "no_experiment":
      return "No A/B test yet: give this segment's personalized content a variant_id and mark one item as the control.";
    case "no_control":
      return `There is no control: mark one of the ${challengers.length} variants as the control to compare against it.`;
    case "single_variant":
      return "Only the control is running: add at least one more variant to start an A/B test.";
    case "collecting_data": {
      const idle = evaluation.variants.filter((variant) => variant.views === 0);
      if (idle.length > 0) {
        return `Collecting data: ${idle.map(variantLabel).join(", ")} ${idle.length === 1 ? "has" : "have"} no ${unit} yet.`;
      }
      if (evaluation.required_sample_size_per_variant === null) {
        return `Collecting data: the control has no ${metric}s yet, so the sample size cannot be planned.`;
      }
      const leader = challengers.reduce((best, variant) =>
        (variant.probability_to_beat_control ?? 0) > (best.probability_to_beat_control ?? 0) ? variant : best,
      );
      return (
        `${variantLabel(leader)} beats control with ${probability(leader.probability_to_beat_control ?? 0)} probability; ` +
        `${integer.format(evaluation.views_needed ?? 0)} more ${unit} needed before calling it.`
      );
    }
    case "significant_winner": {
      const winner = challengers
        .filter((variant) => variant.significant && (variant.uplift_absolute ?? 0) > 0)
        .reduce((best, variant) => ((variant.rate ?? 0) > (best.rate ?? 0) ? variant : best));
      return (
        `${variantLabel(winner)} beats control: ${comparison(winner, control!, metric)}, ` +
        `${probability(winner.probability_to_beat_control ?? 0)} probability to beat control.`
      );
    }
    case "significant_loser": {
      const loser = challengers
        .filter((variant) => variant.significant)
        .reduce((worst, variant) => ((variant.rate ?? 0) < (worst.rate ?? 0) ? variant : worst));
      return `${variantLabel(loser)} does worse than control: ${comparison(loser, control!, metric)}. Keep the control.`;
    }
    case "no_detectable_difference":
      return (
        `No variant differs detectably from control after ${integer.format(evaluation.required_sample_size_per_variant ?? 0)}+ ` +
        `${unit} each: a ${Math.round(evaluation.minimum_detectable_effect * 100)}% change would have been found ` +
        `with ${Math.round(evaluation.power * 100)}% power.`
      );
  }
}

/** One plain sentence a marketer can act on, with a caution first when the split itself is broken. */
export function describeVerdict(evaluation: ExperimentEvaluation): string {
  const caution = evaluation.sample_ratio.mismatch
    ? `Caution: the ${evaluation.unit} are not split as planned (sample ratio mismatch), so the result may be biased. `
    : "";
  return caution + body(evaluation);
}
