import { describe, expect, it } from "vitest";
import { type BanditArm, sampleBeta, sampleGamma, seededUniform, seedFrom, thompsonShares } from "./thompson";

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("posterior sampling", () => {
  it("draws Gamma and Beta variates with the right mean and variance", () => {
    const uniform = seededUniform(7);
    const gammas = Array.from({ length: 40_000 }, () => sampleGamma(2.5, uniform));
    // Gamma(2.5, 1): mean 2.5, variance 2.5; the tolerance is about 5 standard errors.
    expect(mean(gammas)).toBeCloseTo(2.5, 1);
    const gammaVariance = mean(gammas.map((g) => (g - 2.5) ** 2));
    expect(Math.abs(gammaVariance - 2.5)).toBeLessThan(0.15);
    const small = Array.from({ length: 40_000 }, () => sampleGamma(0.4, uniform));
    expect(Math.abs(mean(small) - 0.4)).toBeLessThan(0.02);
    // Beta(3, 7): mean 0.3, variance 21 / 1100.
    const betas = Array.from({ length: 40_000 }, () => sampleBeta(3, 7, uniform));
    expect(Math.abs(mean(betas) - 0.3)).toBeLessThan(0.004);
    expect(Math.abs(mean(betas.map((b) => (b - 0.3) ** 2)) - 21 / 1100)).toBeLessThan(0.001);
    expect(betas.every((b) => b > 0 && b < 1)).toBe(true);
  });

  it("is reproducible from its seed", () => {
    const arms: BanditArm[] = [
      { id: "c", is_control: true, successes: 10, trials: 100 },
      { id: "a", is_control: false, successes: 14, trials: 100 },
    ];
    const first = thompsonShares(arms, { controlFloor: 0.1, uniform: seededUniform(seedFrom("x")) });
    const again = thompsonShares(arms, { controlFloor: 0.1, uniform: seededUniform(seedFrom("x")) });
    expect(again).toEqual(first);
    expect(seedFrom("x")).not.toBe(seedFrom("y"));
  });
});

describe("thompsonShares", () => {
  it("gives each arm its probability of being best, the control keeping its floor", () => {
    const uniform = seededUniform(1);
    const even = thompsonShares(
      [
        { id: "c", is_control: true, successes: 0, trials: 0 },
        { id: "a", is_control: false, successes: 0, trials: 0 },
      ],
      { controlFloor: 0.1, uniform },
    );
    expect(even.shares.c).toBeCloseTo(0.5, 1);
    expect(even.shares.a + even.shares.c).toBeCloseTo(1, 12);

    const clear = thompsonShares(
      [
        { id: "c", is_control: true, successes: 100, trials: 1000 },
        { id: "a", is_control: false, successes: 200, trials: 1000 },
        { id: "b", is_control: false, successes: 90, trials: 1000 },
      ],
      { controlFloor: 0.1, uniform },
    );
    expect(clear.probabilityBest.a).toBe(1);
    expect(clear.probabilityBest.c).toBe(0);
    expect(clear.shares).toEqual({ c: 0.1, a: 0.9, b: 0 });

    const controlLeads = thompsonShares(
      [
        { id: "c", is_control: true, successes: 300, trials: 1000 },
        { id: "a", is_control: false, successes: 100, trials: 1000 },
      ],
      { controlFloor: 0.25, uniform },
    );
    expect(controlLeads.shares).toEqual({ c: 1, a: 0 });
  });

  it("in a seeded simulation (10% / 12% / 10%, 30,000 users in rounds) moves traffic to the best arm and converts more than an equal split", () => {
    const rates = [0.1, 0.12, 0.1];
    const ids = ["control", "variant_a", "variant_b"];
    const users = 30_000;
    const rounds = 30;
    const perRound = users / rounds;
    const world = seededUniform(20_261_201);
    const pick = (shares: number[]) => {
      let roll = world();
      for (let i = 0; i < shares.length; i++) {
        roll -= shares[i];
        if (roll < 0) return i;
      }
      return shares.length - 1;
    };

    const trials = [0, 0, 0];
    const successes = [0, 0, 0];
    let shares = [1 / 3, 1 / 3, 1 / 3];
    let banditConversions = 0;
    let lastThirdToBest = 0;
    for (let round = 0; round < rounds; round++) {
      for (let user = 0; user < perRound; user++) {
        const arm = pick(shares);
        const converted = world() < rates[arm];
        trials[arm] += 1;
        successes[arm] += converted ? 1 : 0;
        banditConversions += converted ? 1 : 0;
        if (round >= (2 * rounds) / 3 && arm === 1) lastThirdToBest += 1;
      }
      const allocation = thompsonShares(
        ids.map((id, i) => ({ id, is_control: i === 0, successes: successes[i], trials: trials[i] })),
        { controlFloor: 0.1, uniform: seededUniform(seedFrom(`round ${round}`)) },
      );
      shares = ids.map((id) => allocation.shares[id]);
      expect(allocation.shares.control).toBeGreaterThanOrEqual(0.1);
    }

    let equalConversions = 0;
    for (let user = 0; user < users; user++) {
      equalConversions += world() < rates[pick([1 / 3, 1 / 3, 1 / 3])] ? 1 : 0;
    }

    expect(lastThirdToBest / (users / 3)).toBeGreaterThanOrEqual(0.6);
    expect(banditConversions).toBeGreaterThan(equalConversions);
    // And beyond the equal split's expectation, 30,000 × 32% / 3 = 3,200, by more than its noise.
    expect(banditConversions).toBeGreaterThan(3200 + 2 * Math.sqrt(3200));
  });
});
