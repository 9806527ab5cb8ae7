import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/db/seed/random";
import { fitBetaPrior, posteriorRate } from "./beta-binomial";

describe("empirical-Bayes Beta prior", () => {
  it("recovers a known Beta(20, 80) spread of true rates by the method of moments", () => {
    const random = new SeededRandom(3);
    // Beta(20, 80) draws as the 20th order statistic of 99 uniforms.
    const draw = () => {
      const u = Array.from({ length: 99 }, () => random.next()).sort((a, b) => a - b);
      return u[19];
    };
    const units = Array.from({ length: 400 }, () => {
      const p = draw();
      let successes = 0;
      for (let i = 0; i < 300; i++) if (random.next() < p) successes += 1;
      return { successes, trials: 300 };
    });
    const prior = fitBetaPrior(units);
    expect(prior.method).toBe("method_of_moments");
    expect(prior.alpha / (prior.alpha + prior.beta)).toBeCloseTo(0.2, 1);
    expect(prior.alpha + prior.beta).toBeGreaterThan(60);
    expect(prior.alpha + prior.beta).toBeLessThan(160);
  });

  it("keeps 2 successes in 2 trials near the prior, below a well-measured high rate", () => {
    const prior = { alpha: 10, beta: 90 };
    const lucky = posteriorRate(prior, 2, 2);
    const measured = posteriorRate(prior, 300, 1000);
    expect(lucky.estimate).toBeLessThan(0.12);
    expect(measured.estimate).toBeGreaterThan(lucky.estimate);
    expect(measured.lower_95).toBeLessThan(measured.estimate);
    expect(measured.upper_95).toBeGreaterThan(measured.estimate);
  });

  it("falls back to Beta(1, 1) with fewer than three units, and caps a prior without spread", () => {
    expect(fitBetaPrior([{ successes: 1, trials: 2 }]).method).toBe("uniform_too_few_units");
    const same = fitBetaPrior(Array.from({ length: 5 }, () => ({ successes: 100, trials: 1000 })));
    expect(same.method).toBe("no_between_unit_spread");
    expect(Number.isFinite(same.alpha)).toBe(true);
    const zeros = fitBetaPrior(Array.from({ length: 5 }, () => ({ successes: 0, trials: 10 })));
    expect(zeros.alpha).toBeGreaterThan(0);
    expect(Number.isFinite(posteriorRate(zeros, 0, 10).upper_95)).toBe(true);
  });
});
