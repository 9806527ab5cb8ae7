import { logBeta, normalCdf } from "./distributions";

// Above this many terms the exact sum gets slow; with that much data the posteriors are so close to
// normal that the normal approximation is within 1e-4 of the exact value.
const MAX_EXACT_TERMS = 200_000;

/** P(X > Y) for X ~ Beta(a1, b1), Y ~ Beta(a2, b2) with integer a1 terms (Evan Miller, "Formulas for Bayesian A/B Testing", 2015). */
function betaExceedsSum(a1: number, b1: number, a2: number, b2: number): number {
  let total = 0;
  const constant = logBeta(a2, b2);
  for (let i = 0; i < a1; i++) {
    total += Math.exp(logBeta(a2 + i, b1 + b2) - Math.log(b1 + i) - logBeta(1 + i, b1) - constant);
  }
  return total;
}

function betaExceedsNormal(a1: number, b1: number, a2: number, b2: number): number {
  const mean = (a: number, b: number) => a / (a + b);
  const variance = (a: number, b: number) => (a * b) / ((a + b) ** 2 * (a + b + 1));
  const sd = Math.sqrt(variance(a1, b1) + variance(a2, b2));
  return normalCdf((mean(a1, b1) - mean(a2, b2)) / sd);
}

/**
 * Posterior probability that the variant's true rate exceeds the control's, each with a uniform
 * Beta(1, 1) prior: P(p_variant > p_control | data). Exact (a finite sum over Beta functions); the sum
 * runs over whichever of four equivalent forms has the fewest terms. Null when a group has no trials.
 */
export function probabilityToBeatControl(
  variantSuccesses: number,
  variantTrials: number,
  controlSuccesses: number,
  controlTrials: number,
): number | null {
  if (variantTrials <= 0 || controlTrials <= 0) return null;
  const aV = 1 + variantSuccesses;
  const bV = 1 + variantTrials - variantSuccesses;
  const aC = 1 + controlSuccesses;
  const bC = 1 + controlTrials - controlSuccesses;
  // P(pV > pC) = S(aV,bV;aC,bC) = 1 − S(aC,bC;aV,bV) = S(bC,aC;bV,aV) = 1 − S(bV,aV;bC,aC), where the
  // last two use 1 − p ~ Beta(b, a); S(a1,…) has a1 terms.
  const forms: { terms: number; value: () => number }[] = [
    { terms: aV, value: () => betaExceedsSum(aV, bV, aC, bC) },
    { terms: aC, value: () => 1 - betaExceedsSum(aC, bC, aV, bV) },
    { terms: bC, value: () => betaExceedsSum(bC, aC, bV, aV) },
    { terms: bV, value: () => 1 - betaExceedsSum(bV, aV, bC, aC) },
  ];
  const cheapest = forms.reduce((best, form) => (form.terms < best.terms ? form : best));
  const probability =
    cheapest.terms <= MAX_EXACT_TERMS ? cheapest.value() : betaExceedsNormal(aV, bV, aC, bC);
  return Math.min(1, Math.max(0, probability));
}
