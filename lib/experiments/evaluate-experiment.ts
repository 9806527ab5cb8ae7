import { probabilityToBeatControl } from "./bayes";
import { normalQuantile } from "./distributions";
import { requiredSampleSize, sampleRatioCheck } from "./planning";
import {
  holmAdjust,
  type Interval,
  newcombeDifferenceInterval,
  relativeUpliftInterval,
  twoProportionZTest,
  wilsonInterval,
} from "./proportions";
import type {
  ExperimentArm,
  ExperimentEvaluation,
  ExperimentMetric,
  ExperimentStatus,
  ExperimentUnit,
  VariantResult,
} from "./schemas";
import { describeVerdict } from "./verdict";

/** Planned power of the test; the sample size is the one that reaches it. */
export const EXPERIMENT_POWER = 0.8;
/** A sample ratio mismatch is flagged below this p-value: the split, not chance, is off. */
export const SAMPLE_RATIO_ALPHA = 0.001;

export interface ExperimentOptions {
  metric: ExperimentMetric;
  /** Relative minimum detectable effect, e.g. 0.1 for ±10% of the control's rate. */
  mde: number;
  alpha: number;
  /** Defaults to `views`. */
  unit?: ExperimentUnit;
  /**
   * Arm id → the share of trials the plan expects, for the sample-ratio check. Defaults to the arms'
   * `planned_share`; per-user read-outs pass the shares in force when each user was assigned.
   */
  expectedShares?: Record<string, number>;
}

const finite = (value: number | null | undefined): number | null =>
  value !== null && value !== undefined && Number.isFinite(value) ? value : null;
const finiteInterval = (interval: Interval | null): Interval | null =>
  interval && Number.isFinite(interval[0]) && Number.isFinite(interval[1]) ? interval : null;

function describeArm(arm: ExperimentArm, z: number): VariantResult {
  return {
    ...arm,
    rate: arm.views > 0 ? arm.successes / arm.views : null,
    rate_ci: finiteInterval(wilsonInterval(arm.successes, arm.views, z)),
    uplift_absolute: null,
    uplift_absolute_ci: null,
    uplift_relative: null,
    uplift_relative_ci: null,
    p_value: null,
    p_value_adjusted: null,
    probability_to_beat_control: null,
    significant: false,
  };
}

function compareToControl(arm: VariantResult, control: VariantResult, z: number): VariantResult {
  if (arm.rate === null || control.rate === null) return arm;
  const args = [arm.successes, arm.views, control.successes, control.views] as const;
  return {
    ...arm,
    uplift_absolute: arm.rate - control.rate,
    uplift_absolute_ci: finiteInterval(newcombeDifferenceInterval(...args, z)),
    uplift_relative: control.rate > 0 ? finite(arm.rate / control.rate - 1) : null,
    uplift_relative_ci: finiteInterval(relativeUpliftInterval(...args, z)),
    p_value: finite(twoProportionZTest(...args)?.pValue),
    probability_to_beat_control: finite(probabilityToBeatControl(...args)),
  };
}

/**
 * Reads an A/B test: each variant against the control, corrected for the number of variants (Holm),
 * with the sample size planned from the control's rate. No winner or loser is called before every
 * group has reached that size, so that peeking at the results does not inflate false positives.
 */
export function evaluateExperiment(input: ExperimentArm[], options: ExperimentOptions): ExperimentEvaluation {
  const z = normalQuantile(1 - options.alpha / 2);
  const unit = options.unit ?? "views";
  const warnings: string[] = [];
  const arms = input.map((arm) => {
    if (arm.successes <= arm.views) return arm;
    warnings.push(
      `${arm.variant_id ?? arm.personalized_content_id} has more ${options.metric}s than ${unit}; its rate is capped at 100%.`,
    );
    return { ...arm, successes: arm.views };
  });
  const controlArm = arms.find((arm) => arm.is_control);
  const ordered = controlArm ? [controlArm, ...arms.filter((arm) => arm !== controlArm)] : arms;
  const control = controlArm ? describeArm(controlArm, z) : null;
  let variants = ordered.map((arm) =>
    arm === controlArm || !control ? describeArm(arm, z) : compareToControl(describeArm(arm, z), control, z),
  );
  const adjusted = holmAdjust(variants.map((variant) => (variant.is_control ? null : variant.p_value)));
  variants = variants.map((variant, i) => ({ ...variant, p_value_adjusted: finite(adjusted[i]) }));

  const planned = variants.map(
    (variant) => options.expectedShares?.[variant.personalized_content_id] ?? variant.planned_share,
  );
  const srm = sampleRatioCheck(
    variants.map((variant) => variant.views),
    planned,
  );
  const plannedTotal = planned.reduce((sum, share) => sum + share, 0);
  const sampleRatio = {
    expected_shares:
      srm?.expectedShares ??
      planned.map((share) => (plannedTotal > 0 ? share / plannedTotal : 1 / variants.length)),
    observed_shares: srm?.observedShares ?? variants.map(() => 0),
    chi_square: finite(srm?.chiSquare),
    p_value: finite(srm?.pValue),
    mismatch: srm !== null && srm.pValue < SAMPLE_RATIO_ALPHA,
  };
  if (sampleRatio.mismatch) {
    warnings.push(
      `Sample ratio mismatch: the ${unit} are not split as planned, so the results may be biased.`,
    );
  }

  const required =
    control?.rate !== null && control?.rate !== undefined
      ? requiredSampleSize(control.rate, options.mde, options.alpha, EXPERIMENT_POWER)
      : null;
  const viewsNeeded =
    required === null
      ? null
      : variants.reduce((sum, variant) => sum + Math.max(0, required - variant.views), 0);
  const reached = viewsNeeded === 0 && variants.length >= 2;
  variants = variants.map((variant) => ({
    ...variant,
    significant: reached && variant.p_value_adjusted !== null && variant.p_value_adjusted < options.alpha,
  }));

  const status = decideStatus(arms.length, control !== null, variants, reached);
  const evaluation: ExperimentEvaluation = {
    metric: options.metric,
    unit,
    status,
    verdict: "",
    control: variants.find((variant) => variant.is_control) ?? null,
    variants,
    sample_ratio: sampleRatio,
    required_sample_size_per_variant: required,
    views_needed: viewsNeeded,
    minimum_detectable_effect: options.mde,
    alpha: options.alpha,
    power: EXPERIMENT_POWER,
    confidence_level: 1 - options.alpha,
    warnings,
  };
  return { ...evaluation, verdict: describeVerdict(evaluation) };
}

function decideStatus(
  armCount: number,
  hasControl: boolean,
  variants: VariantResult[],
  reached: boolean,
): ExperimentStatus {
  if (armCount === 0) return "no_experiment";
  if (!hasControl) return "no_control";
  if (armCount === 1) return "single_variant";
  if (!reached) return "collecting_data";
  const significant = variants.filter((variant) => variant.significant);
  if (significant.some((variant) => (variant.uplift_absolute ?? 0) > 0)) return "significant_winner";
  if (significant.length > 0) return "significant_loser";
  return "no_detectable_difference";
}
