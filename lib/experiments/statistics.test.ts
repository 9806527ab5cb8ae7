import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { probabilityToBeatControl } from "./bayes";
import { chiSquareSurvival, logGamma, normalQuantile, normalSurvival } from "./distributions";
import { requiredSampleSize, sampleRatioCheck } from "./planning";
import {
  holmAdjust,
  newcombeDifferenceInterval,
  relativeUpliftInterval,
  twoProportionZTest,
  wilsonInterval,
} from "./proportions";

// Reference values: SciPy 1.17.1 (python3, `from scipy import stats, special, integrate, optimize`), each
// with the call that produced it, or published tables where named.

const Z95 = 1.959963984540054; // stats.norm.ppf(0.975)

/** Relative closeness, for values spanning many orders of magnitude. */
function expectRelative(actual: number, expected: number, tolerance = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-300));
}

describe("special functions", () => {
  it.each([
    [0.5, 0.5723649429247], // special.gammaln(0.5)
    [3.7, 1.428072326665388], // special.gammaln(3.7)
    [10, 12.801827480081469], // special.gammaln(10)
    [171.3, 708.1149470389971], // special.gammaln(171.3)
    [1e4, 82099.71749644238], // special.gammaln(1e4)
  ])("logGamma(%s)", (x, expected) => expectRelative(logGamma(x), expected, 1e-12));

  it.each([
    [0, 0.5], // stats.norm.sf(0)
    [1.96, 0.024997895148220435], // stats.norm.sf(1.96)
    [-1.2, 0.8849303297782918], // stats.norm.sf(-1.2)
    [3.5, 0.00023262907903552502], // stats.norm.sf(3.5)
    [8, 6.22096057427174e-16], // stats.norm.sf(8): the far tail keeps its precision
  ])("normalSurvival(%s)", (z, expected) => expectRelative(normalSurvival(z), expected, 1e-10));

  it.each([
    [1e-10, -6.361340902404056], // stats.norm.ppf(1e-10)
    [0.001, -3.090232306167813], // stats.norm.ppf(0.001)
    [0.2, -0.8416212335729142], // stats.norm.ppf(0.2)
    [0.5, 0],
    [0.975, 1.959963984540054], // stats.norm.ppf(0.975)
    [0.999999, 4.753424308817087], // stats.norm.ppf(0.999999)
  ])("normalQuantile(%s)", (p, expected) => expect(normalQuantile(p)).toBeCloseTo(expected, 12));

  it.each([
    [3.84, 1, 0.05004352124870519], // stats.chi2.sf(3.84, 1)
    [0.5, 2, 0.7788007830714049], // stats.chi2.sf(0.5, 2)
    [20, 3, 0.00016974243555282632], // stats.chi2.sf(20, 3)
    [100, 9, 1.5735176303753876e-17], // stats.chi2.sf(100, 9)
    [0.001, 1, 0.9747728793699604], // stats.chi2.sf(0.001, 1)
  ])("chiSquareSurvival(%s, %s)", (x, k, expected) =>
    expectRelative(chiSquareSurvival(x, k), expected, 1e-9),
  );

  it("normalQuantile inverts normalSurvival", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(1 - normalSurvival(normalQuantile(p))).toBeCloseTo(p, 12);
      }),
    );
  });
});

describe("proportions", () => {
  it.each([
    [81, 263, 0.2552885198782742, 0.36620957698280004], // stats.binomtest(81, 263).proportion_ci(method="wilson")
    [0, 10, 0, 0.27753279986288926], // stats.binomtest(0, 10).proportion_ci(method="wilson")
    [10, 10, 0.7224672001371109, 1], // stats.binomtest(10, 10).proportion_ci(method="wilson")
  ])("Wilson interval for %s/%s", (k, n, low, high) => {
    const interval = wilsonInterval(k, n, Z95)!;
    expect(interval[0]).toBeCloseTo(low, 12);
    expect(interval[1]).toBeCloseTo(high, 12);
  });

  // Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10, examples (a), (b), (h), (d).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [10, 10, 0, 10, 0.6075, 1],
    [5, 56, 0, 29, -0.0381, 0.1926],
  ])("Newcombe interval for %s/%s − %s/%s", (x1, n1, x2, n2, low, high) => {
    const interval = newcombeDifferenceInterval(x1, n1, x2, n2, Z95)!;
    expect(interval[0]).toBeCloseTo(low, 4);
    expect(interval[1]).toBeCloseTo(high, 4);
  });

  it.each([
    // chi2, p = stats.chi2_contingency([[x1, n1-x1], [x2, n2-x2]], correction=False)[:2]; z = sqrt(chi2)
    [56, 70, 48, 80, 2.650171951258532, 0.008045081368196585],
    [120, 1000, 100, 1000, 1.429300849823232, 0.15291778186394195],
    [530, 10000, 480, 10000, 1.6145884183488106, 0.10639985517542927],
  ])("two-proportion z-test %s/%s vs %s/%s", (x1, n1, x2, n2, z, p) => {
    const result = twoProportionZTest(x1, n1, x2, n2)!;
    expect(result.z).toBeCloseTo(z, 10);
    expectRelative(result.pValue, p, 1e-9);
  });

  it("answers p = 1 for identical 0% groups and null without trials", () => {
    expect(twoProportionZTest(0, 50, 0, 70)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(1, 0, 0, 70)).toBeNull();
  });

  it.each([
    // stats.contingency.relative_risk(x1, n1, x2, n2).confidence_interval(0.95), minus 1
    [56, 70, 48, 80, 1.076626422763193 - 1, 1.651248511266387 - 1],
    [120, 1000, 100, 1000, 0.9341057510629938 - 1, 1.541581344897308 - 1],
  ])("relative uplift interval %s/%s vs %s/%s", (x1, n1, x2, n2, low, high) => {
    const interval = relativeUpliftInterval(x1, n1, x2, n2, Z95)!;
    expect(interval[0]).toBeCloseTo(low, 10);
    expect(interval[1]).toBeCloseTo(high, 10);
    expect(relativeUpliftInterval(0, n1, x2, n2, Z95)).toBeNull();
  });

  it("adjusts p-values like R's p.adjust(c(0.01, 0.04, 0.03, 0.005), 'holm')", () => {
    // Hand-computed: sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.04·1, 0.06) = 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005, null]);
    expect(adjusted.slice(0, 4).map((p) => Number(p!.toFixed(12)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(adjusted[4]).toBeNull();
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
  });

  it("Holm never lowers a p-value and keeps the order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (ps) => {
          const adjusted = holmAdjust(ps) as number[];
          ps.forEach((p, i) => {
            expect(adjusted[i]).toBeGreaterThanOrEqual(p);
            expect(adjusted[i]).toBeLessThanOrEqual(1);
            ps.forEach((q, j) => {
              if (p < q) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
            });
          });
        },
      ),
    );
  });

  it("a Wilson interval contains the observed rate and stays in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const k = Math.round(n * share);
          const [low, high] = wilsonInterval(k, n, Z95)!;
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(1);
          expect(low).toBeLessThanOrEqual(k / n + 1e-12);
          expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
        },
      ),
    );
  });
});

describe("probability to beat control", () => {
  it.each([
    // integrate.quad(lambda x: stats.beta.pdf(x, 1+xv, 1+nv-xv) * stats.beta.cdf(x, 1+xc, 1+nc-xc), 0, 1,
    //   epsabs=1e-13, epsrel=1e-12, limit=500, points=[xc/nc, xv/nv])[0]
    [12, 100, 8, 100, 0.8215916929287405],
    [0, 10, 0, 10, 0.5],
    [530, 10000, 480, 10000, 0.9467384943816548],
    [40, 1000, 50, 1000, 0.14161851775057463],
  ])("%s/%s vs control %s/%s", (xv, nv, xc, nc, expected) => {
    expect(probabilityToBeatControl(xv, nv, xc, nc)!).toBeCloseTo(expected, 9);
  });

  it("is complementary when the groups swap, and null without trials", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }), (n1, n2) => {
        const x1 = Math.floor(n1 / 3);
        const x2 = Math.floor(n2 / 4);
        const forward = probabilityToBeatControl(x1, n1, x2, n2)!;
        expect(forward + probabilityToBeatControl(x2, n2, x1, n1)!).toBeCloseTo(1, 9);
      }),
      { numRuns: 50 },
    );
    expect(probabilityToBeatControl(1, 0, 1, 10)).toBeNull();
  });

  it("stays finite and sensible for large samples", () => {
    const p = probabilityToBeatControl(52_000, 1_000_000, 50_000, 1_000_000)!;
    expect(p).toBeGreaterThan(0.9999);
    expect(p).toBeLessThanOrEqual(1);
  });
});

describe("planning", () => {
  it.each([
    // R documentation of power.prop.test: power.prop.test(p1 = .50, p2 = .75, power = .90) gives n = 76.7.
    // Exact: optimize.brentq on R's (strict = FALSE) power equation, (p1, p2, alpha, power) → n
    [0.5, 0.5, 0.05, 0.9, 76.7069284517776],
    [0.05, 0.1, 0.05, 0.8, 31233.437940130058],
    [0.2, 0.1, 0.05, 0.8, 6509.466678513717],
  ])("sample size for baseline %s, mde %s", (baseline, mde, alpha, power, exact) => {
    expect(requiredSampleSize(baseline, mde, alpha, power)).toBe(Math.ceil(exact));
  });

  it("has no sample size without a baseline", () => {
    expect(requiredSampleSize(0, 0.1, 0.05, 0.8)).toBeNull();
    expect(requiredSampleSize(0.95, 0.1, 0.05, 0.8)).toBeNull();
  });

  it.each([
    [[5000, 5000], 0, 1], // stats.chisquare([5000, 5000])
    [[5100, 4900], 4, 0.04550026389635857], // stats.chisquare([5100, 4900])
    [[10000, 10500, 9800], 25.742574257425744, 2.5708161825592917e-6], // stats.chisquare([10000, 10500, 9800])
  ])("sample ratio check %j", (counts, statistic, p) => {
    const check = sampleRatioCheck(counts)!;
    expect(check.chiSquare).toBeCloseTo(statistic, 10);
    expectRelative(check.pValue, p, 1e-9);
    expect(check.expectedShares.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it("has no sample ratio check without views", () => {
    expect(sampleRatioCheck([0, 0])).toBeNull();
    expect(sampleRatioCheck([10])).toBeNull();
  });
});
