import { SeededRandom } from "@/db/seed/random";

/** Posterior draws per re-allocation: the shares are Monte Carlo estimates with a standard error ≤ 0.005. */
export const THOMPSON_DRAWS = 10_000;

export interface BanditArm {
  id: string;
  is_control: boolean;
  successes: number;
  trials: number;
}

export interface ThompsonAllocation {
  /** Arm id → share of new users (sums to 1). */
  shares: Record<string, number>;
  /** Arm id → posterior probability of being the best arm, before the control floor. */
  probabilityBest: Record<string, number>;
}

/** A 32-bit seed from a string (FNV-1a), so that the same data gives the same allocation. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function seededUniform(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

function standardNormal(uniform: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
  const u = 1 - uniform();
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the boost U^(1/shape) for shapes below 1. */
export function sampleGamma(shape: number, uniform: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, uniform) * (1 - uniform()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(uniform);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - uniform();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(a: number, b: number, uniform: () => number): number {
  const x = sampleGamma(a, uniform);
  const y = sampleGamma(b, uniform);
  return x / (x + y);
}

/**
 * Thompson sampling (Thompson 1933; Chapelle and Li 2011) on Beta(1 + successes, 1 + failures) posteriors:
 * each arm's share of new users is the posterior probability that it is the best arm, estimated from
 * `draws` joint draws. The control then keeps at least `controlFloor` of the traffic, the others sharing the
 * rest in proportion, so that the baseline stays measured while the bandit exploits the leader.
 */
export function thompsonShares(
  arms: BanditArm[],
  options: { controlFloor: number; uniform: () => number; draws?: number },
): ThompsonAllocation {
  const draws = options.draws ?? THOMPSON_DRAWS;
  const wins = arms.map(() => 0);
  for (let draw = 0; draw < draws; draw++) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    arms.forEach((arm, i) => {
      const failures = Math.max(0, arm.trials - arm.successes);
      const value = sampleBeta(1 + arm.successes, 1 + failures, options.uniform);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    if (best >= 0) wins[best] += 1;
  }
  const probabilityBest = Object.fromEntries(arms.map((arm, i) => [arm.id, wins[i] / draws]));
  const control = arms.find((arm) => arm.is_control);
  if (!control || arms.length < 2) return { shares: { ...probabilityBest }, probabilityBest };
  const controlShare = Math.max(probabilityBest[control.id], options.controlFloor);
  const othersBest = arms
    .filter((arm) => arm !== control)
    .reduce((sum, arm) => sum + probabilityBest[arm.id], 0);
  const shares = Object.fromEntries(
    arms.map((arm) => {
      if (arm === control) return [arm.id, othersBest > 0 ? controlShare : 1];
      return [arm.id, othersBest > 0 ? (probabilityBest[arm.id] / othersBest) * (1 - controlShare) : 0];
    }),
  );
  return { shares, probabilityBest };
}
