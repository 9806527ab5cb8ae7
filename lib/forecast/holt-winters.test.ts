import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/db/seed/random";
import { backtest, meanAbsolutePercentageError, seasonalNaive } from "./backtest";
import { fitHoltWinters, forecastHoltWinters } from "./holt-winters";

const WEEK = [8, 10, 12, 11, 9, -15, -25];

/** A known series: level 200, +1.5 a day, a weekly pattern and Gaussian noise (sd 6), from a seed. */
function plantedSeries(
  length: number,
  seed: number,
  sd = 6,
): { series: number[]; truth: (t: number) => number } {
  const random = new SeededRandom(seed);
  const truth = (t: number) => 200 + 1.5 * t + WEEK[t % 7];
  const normal = () => {
    const u = Math.max(random.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  };
  return { series: Array.from({ length }, (_, t) => truth(t) + sd * normal()), truth };
}

const unbounded = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };

describe("Holt-Winters", () => {
  it("recovers a known trend and weekly season and beats the seasonal-naive baseline", () => {
    const { series, truth } = plantedSeries(84, 1);
    const model = fitHoltWinters(series);
    const points = forecastHoltWinters(model, 14);
    points.forEach((point, h) => {
      expect(Math.abs(point.value - truth(84 + h))).toBeLessThan(20);
      expect(point.lower_95).toBeLessThan(point.lower_80);
      expect(point.upper_95).toBeGreaterThan(point.upper_80);
    });
    expect(model.trend).toBeGreaterThan(0.8);
    expect(model.trend).toBeLessThan(2.2);
    const result = backtest(series, 14, unbounded);
    expect(result.mape).not.toBeNull();
    expect(result.beats_baseline).toBe(true);
  });

  it("covers the truth at about the nominal rate", () => {
    let inside80 = 0;
    let inside95 = 0;
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { series } = plantedSeries(70 + 14, seed);
      const points = forecastHoltWinters(fitHoltWinters(series.slice(0, 70)), 14);
      points.forEach((point, h) => {
        const actual = series[70 + h];
        if (actual >= point.lower_80 && actual <= point.upper_80) inside80 += 1;
        if (actual >= point.lower_95 && actual <= point.upper_95) inside95 += 1;
        total += 1;
      });
    }
    expect(inside80 / total).toBeGreaterThan(0.7);
    expect(inside80 / total).toBeLessThan(0.92);
    expect(inside95 / total).toBeGreaterThan(0.88);
    expect(inside95 / total).toBeLessThanOrEqual(1);
  });

  it("is deterministic and finite, also on a flat or all-zero series", () => {
    const { series } = plantedSeries(60, 7);
    expect(forecastHoltWinters(fitHoltWinters(series), 10)).toEqual(
      forecastHoltWinters(fitHoltWinters(series), 10),
    );
    for (const flat of [Array(30).fill(0), Array(30).fill(5)]) {
      const points = forecastHoltWinters(fitHoltWinters(flat), 14, { min: 0, max: Number.POSITIVE_INFINITY });
      for (const point of points)
        for (const value of Object.values(point)) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it("clamps to the metric's bounds", () => {
    const falling = Array.from({ length: 42 }, (_, t) => Math.max(0, 100 - 3 * t));
    const points = forecastHoltWinters(fitHoltWinters(falling), 14, { min: 0, max: 100 });
    for (const point of points) expect(point.lower_95).toBeGreaterThanOrEqual(0);
  });
});

describe("backtest helpers", () => {
  it("leaves zero actuals out of MAPE and says null when all are zero", () => {
    expect(meanAbsolutePercentageError([0, 10, 20], [5, 11, 18])).toBeCloseTo(10);
    expect(meanAbsolutePercentageError([0, 0], [1, 2])).toBeNull();
  });

  it("repeats the last observed week", () => {
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 9)).toEqual([
      8, 9, 10, 11, 12, 13, 14, 8, 9,
    ]);
  });

  it("reports a reason when the history is too short for a backtest", () => {
    const result = backtest(Array(21).fill(1), 14, unbounded);
    expect(result.mape).toBeNull();
    expect(result.reason).toMatch(/needs 14 days/);
  });
});
