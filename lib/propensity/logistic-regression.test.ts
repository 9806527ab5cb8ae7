import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/discovery/seeded-random";
import { areaUnderCurve, fitLogistic, predictLogistic } from "./logistic-regression";

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe("fitLogistic", () => {
  it("recovers known coefficients from simulated data", () => {
    const random = seededRandom(5);
    const truth = [-1, 2, -0.5, 0];
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = [gaussian(random), gaussian(random), random() < 0.5 ? 1 : 0];
      rows.push(row);
      labels.push(random() < predictLogistic(truth, row) ? 1 : 0);
    }
    const fit = fitLogistic(rows, labels, { lambda: 0 });
    expect(fit.converged).toBe(true);
    fit.coefficients.forEach((c, j) => {
      expect(Math.abs(c - truth[j])).toBeLessThan(0.1);
    });
  });

  it("solves the penalised score equations Xᵀ(y − p) = λβ at its answer", () => {
    const random = seededRandom(9);
    const rows = Array.from({ length: 500 }, () => [gaussian(random), random() < 0.3 ? 1 : 0]);
    const labels = rows.map((r) => (random() < 1 / (1 + Math.exp(-(0.5 * r[0] + r[1]))) ? 1 : 0));
    const lambda = 2;
    const { coefficients } = fitLogistic(rows, labels, { lambda });
    const gradient = [0, 0, 0];
    rows.forEach((row, i) => {
      const residual = labels[i] - predictLogistic(coefficients, row);
      gradient[0] += residual;
      gradient[1] += residual * row[0];
      gradient[2] += residual * row[1];
    });
    expect(gradient[0]).toBeCloseTo(0, 6);
    expect(gradient[1]).toBeCloseTo(lambda * coefficients[1], 6);
    expect(gradient[2]).toBeCloseTo(lambda * coefficients[2], 6);
  });

  it("stays finite when a feature separates the classes perfectly", () => {
    const rows = [[0], [0], [0], [1], [1], [1]];
    const labels = [0, 0, 0, 1, 1, 1];
    const { coefficients } = fitLogistic(rows, labels, { lambda: 1 });
    expect(coefficients.every(Number.isFinite)).toBe(true);
    expect(coefficients[1]).toBeGreaterThan(0);
  });
});

describe("areaUnderCurve", () => {
  it("is the share of positive–negative pairs ordered right, ties counting half", () => {
    expect(areaUnderCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(areaUnderCurve([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(areaUnderCurve([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(areaUnderCurve([0.2, 0.3], [1, 1])).toBe(0.5);
  });
});
