import { describe, expect, it } from "vitest";
import { experimentResultSchema } from "@/lib/experiments/schemas";
import { createSegmentFixture, insertPersonalizedContent } from "../support/analytics-fixtures";
import { api } from "../support/api";
import {
  exposeArm,
  insertAllocationRow,
  insertContentEvents,
  setTrafficWeight,
} from "../support/experiment-fixtures";

// Thousands of users and events per test: generous on a loaded machine.
const HEAVY = 180_000;

async function getExperiment(segmentId: string, query = "") {
  const res = await api("GET", `/api/v1/segments/${segmentId}/experiment${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return experimentResultSchema.parse(res.body);
}

const close = (actual: number | null | undefined, expected: number, digits = 10) =>
  expect(actual ?? Number.NaN).toBeCloseTo(expected, digits);

async function threeArms(name: string) {
  const segment = await createSegmentFixture(name);
  // The counters say something else entirely: a per-user read-out must not use them.
  const control = await insertPersonalizedContent(segment.id, {
    variant_id: "control",
    is_control: true,
    views: 50,
    conversions: 40,
  });
  const a = await insertPersonalizedContent(segment.id, {
    variant_id: "variant_a",
    views: 50,
    conversions: 1,
  });
  const b = await insertPersonalizedContent(segment.id, {
    variant_id: "variant_b",
    views: 50,
    conversions: 1,
  });
  return { segmentId: segment.id, control, a, b };
}

describe("the per-user read-out", () => {
  it(
    "counts users exposed and users who converted after exposure, with every statistic on those numbers",
    async () => {
      const { segmentId, control, a, b } = await threeArms("Per user");
      const controlUsers = await exposeArm(segmentId, control, { users: 1000, converted: 100, engaged: 300 });
      const aUsers = await exposeArm(segmentId, a, { users: 1000, converted: 130, engaged: 320 });
      await exposeArm(segmentId, b, { users: 1000, converted: 95 });
      const exposedAt = Date.now() - 2 * 3_600_000;
      await insertContentEvents([
        // Converted before exposure, or on another arm's content: not a conversion of this arm's user.
        ...controlUsers.slice(500, 520).map((user_id) => ({
          user_id,
          personalized_content_id: control,
          name: "content_conversion",
          occurred_at: new Date(exposedAt - 60_000),
        })),
        ...controlUsers.slice(600, 610).map((user_id) => ({
          user_id,
          personalized_content_id: a,
          name: "content_conversion",
          occurred_at: new Date(),
        })),
        // A second conversion of a user who already converted: still one user.
        ...aUsers.slice(0, 30).map((user_id) => ({
          user_id,
          personalized_content_id: a,
          name: "content_conversion",
          occurred_at: new Date(),
        })),
      ]);

      const result = await getExperiment(segmentId);
      expect(result.unit).toBe("users");
      const [c, va, vb] = result.variants;
      expect([c.personalized_content_id, va.personalized_content_id, vb.personalized_content_id]).toEqual([
        control,
        a,
        b,
      ]);
      expect([c.views, c.successes, va.views, va.successes, vb.views, vb.successes]).toEqual([
        1000, 100, 1000, 130, 1000, 95,
      ]);
      // Reference values, SciPy 1.17.1:
      //   stats.binomtest(x, n).proportion_ci(0.95, method="wilson")
      //   stats.chi2_contingency([[x, n - x], [100, 900]], correction=False)[1]
      //   quad(lambda t: stats.beta.pdf(t, x + 1, n - x + 1) * stats.beta.cdf(t, 101, 901), 0, 1, epsabs=1e-13)
      //   Newcombe (method 10) from those Wilson limits: d ∓ sqrt((p1 − l1)² + (u2 − p2)²) / sqrt((u1 − p1)² + (p2 − l2)²)
      //   Holm by hand: sorted p-values × (m − i), made monotone
      //   n: brentq on R's power.prop.test equation for 10% → 11% at 80% power = 14750.79
      close(c.rate_ci?.[0], 0.08290944359309571);
      close(c.rate_ci?.[1], 0.1201519631953484);
      close(va.rate_ci?.[0], 0.1105637746248419);
      close(va.rate_ci?.[1], 0.15226802665446887);
      close(vb.rate_ci?.[0], 0.07834523457904741);
      close(vb.rate_ci?.[1], 0.11475443979425223);
      close(va.p_value, 0.03548845046647463);
      close(vb.p_value, 0.7062460149623009);
      close(va.p_value_adjusted, 0.07097690093294926);
      close(vb.p_value_adjusted, 0.7062460149623009);
      close(va.probability_to_beat_control, 0.9821650661163508, 8);
      close(vb.probability_to_beat_control, 0.35349165483551365, 8);
      close(va.uplift_absolute_ci?.[0], 0.0020023487152829866);
      close(va.uplift_absolute_ci?.[1], 0.05807048502220283);
      close(vb.uplift_absolute_ci?.[0], -0.031143504582470095);
      close(vb.uplift_absolute_ci?.[1], 0.021121351609025008);
      expect(result.required_sample_size_per_variant).toBe(14_751);
      expect(result.views_needed).toBe(3 * (14_751 - 1000));
      expect(result.status).toBe("collecting_data");
      expect(result.verdict).toMatch(/more users needed before calling it\.$/);

      const engagement = await getExperiment(segmentId, "?metric=engagement");
      expect(engagement.unit).toBe("users");
      expect(engagement.variants.map((v) => v.successes)).toEqual([300, 320, 0]);
    },
    HEAVY,
  );

  it(
    "falls back to the counters, and says so, when nobody has been exposed",
    async () => {
      const { segmentId } = await threeArms("Views");
      const result = await getExperiment(segmentId);
      expect(result.unit).toBe("views");
      expect(result.variants.map((v) => [v.views, v.successes])).toEqual([
        [50, 40],
        [50, 1],
        [50, 1],
      ]);
    },
    HEAVY,
  );
});

describe("the sample-ratio check against planned shares", () => {
  it(
    "uses the arms' traffic weights, not an equal split",
    async () => {
      const segment = await createSegmentFixture("Weighted");
      const control = await insertPersonalizedContent(segment.id, {
        variant_id: "control",
        is_control: true,
      });
      const variant = await insertPersonalizedContent(segment.id, { variant_id: "variant_a" });
      await setTrafficWeight(control, 3);
      await setTrafficWeight(variant, 1);
      const allocation = await insertAllocationRow(segment.id, { [control]: 0.75, [variant]: 0.25 });
      await exposeArm(segment.id, control, { users: 1500, allocationId: allocation });
      await exposeArm(segment.id, variant, { users: 500, allocationId: allocation });
      const result = await getExperiment(segment.id);
      expect(result.variants.map((v) => [v.traffic_weight, v.planned_share])).toEqual([
        [3, 0.75],
        [1, 0.25],
      ]);
      expect(result.sample_ratio).toMatchObject({
        expected_shares: [0.75, 0.25],
        chi_square: 0,
        mismatch: false,
      });
      expect(result.sample_ratio.p_value).toBeCloseTo(1, 12);
    },
    HEAVY,
  );

  it(
    "counts each user with the shares in force when assigned, across a weight change",
    async () => {
      const segment = await createSegmentFixture("Mid-test change");
      const control = await insertPersonalizedContent(segment.id, {
        variant_id: "control",
        is_control: true,
      });
      const variant = await insertPersonalizedContent(segment.id, { variant_id: "variant_a" });
      // Half the users came under 50/50, half under 80/20 (the weights now).
      const before = await insertAllocationRow(segment.id, { [control]: 0.5, [variant]: 0.5 });
      await setTrafficWeight(control, 4);
      const after = await insertAllocationRow(segment.id, { [control]: 0.8, [variant]: 0.2 });
      await exposeArm(segment.id, control, { users: 495, allocationId: before });
      await exposeArm(segment.id, variant, { users: 505, allocationId: before });
      await exposeArm(segment.id, control, { users: 795, allocationId: after });
      await exposeArm(segment.id, variant, { users: 205, allocationId: after });

      const result = await getExperiment(segment.id);
      expect(result.variants.map((v) => v.planned_share)).toEqual([0.8, 0.2]);
      // Observed 1290 / 710 against expected 1000·0.5 + 1000·0.8 = 1300 and 700. SciPy 1.17.1:
      //   stats.chisquare([1290, 710], [1300, 700]) → statistic 0.21978021978021978, pvalue 0.6392074309046059
      //   (against the current 80/20: statistic 300.3125, p 2.8e-67; against 50/50: 168.2, p 1.8e-38)
      expect(result.sample_ratio.expected_shares[0]).toBeCloseTo(0.65, 12);
      expect(result.sample_ratio.expected_shares[1]).toBeCloseTo(0.35, 12);
      close(result.sample_ratio.chi_square, 0.21978021978021978);
      close(result.sample_ratio.p_value, 0.6392074309046059);
      expect(result.sample_ratio.mismatch).toBe(false);

      // The same users split 50/50 throughout would be a mismatch.
      const equal = await createSegmentFixture("Mid-test equal");
      const c2 = await insertPersonalizedContent(equal.id, { variant_id: "control", is_control: true });
      const v2 = await insertPersonalizedContent(equal.id, { variant_id: "variant_a" });
      const only = await insertAllocationRow(equal.id, { [c2]: 0.5, [v2]: 0.5 });
      await exposeArm(equal.id, c2, { users: 1290, allocationId: only });
      await exposeArm(equal.id, v2, { users: 710, allocationId: only });
      const broken = await getExperiment(equal.id);
      close(broken.sample_ratio.chi_square, 168.2);
      expect(broken.sample_ratio.mismatch).toBe(true);
      expect(broken.verdict).toMatch(/^Caution: the users are not split as planned/);
    },
    HEAVY,
  );
});
