import { describe, expect, it } from "vitest";
import { experimentResultSchema } from "@/lib/experiments/schemas";
import { createSegmentFixture, insertPersonalizedContent } from "../support/analytics-fixtures";
import { api } from "../support/api";

const MISSING = "00000000-0000-4000-8000-000000000000";

async function getExperiment(segmentId: string, query = "") {
  const res = await api("GET", `/api/v1/segments/${segmentId}/experiment${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return experimentResultSchema.parse(res.body);
}

async function abTest(
  control: { views: number; conversions: number; engagement?: number },
  ...variants: { views: number; conversions: number; engagement?: number }[]
) {
  const segment = await createSegmentFixture("Experiment");
  await insertPersonalizedContent(segment.id, { variant_id: "control", is_control: true, ...control });
  const letters = "abcdefgh";
  for (const [i, variant] of variants.entries()) {
    await insertPersonalizedContent(segment.id, { variant_id: `variant_${letters[i]}`, ...variant });
  }
  return segment.id;
}

describe("GET /api/v1/segments/{segment_id}/experiment", () => {
  it("says when there is no experiment, no control, or a single variant", async () => {
    const none = await createSegmentFixture();
    await insertPersonalizedContent(none.id, { views: 100 });
    const noExperiment = await getExperiment(none.id);
    expect(noExperiment).toMatchObject({
      status: "no_experiment",
      control: null,
      variants: [],
      views_needed: null,
    });

    const headless = await createSegmentFixture();
    await insertPersonalizedContent(headless.id, { variant_id: "a", views: 10, conversions: 1 });
    await insertPersonalizedContent(headless.id, { variant_id: "b", views: 10, conversions: 2 });
    const noControl = await getExperiment(headless.id);
    expect(noControl.status).toBe("no_control");
    expect(noControl.variants.every((v) => v.p_value === null && !v.significant)).toBe(true);

    const lonely = await createSegmentFixture();
    await insertPersonalizedContent(lonely.id, {
      variant_id: "control",
      is_control: true,
      views: 10,
      conversions: 1,
    });
    const single = await getExperiment(lonely.id);
    expect(single.status).toBe("single_variant");
    expect(single.control?.rate).toBe(0.1);
    expect(single.verdict).toMatch(/add at least one more variant/);
  });

  it("gives nulls, never NaN, when nothing has been viewed", async () => {
    const id = await abTest({ views: 0, conversions: 0 }, { views: 0, conversions: 0 });
    const res = await api("GET", `/api/v1/segments/${id}/experiment`);
    const result = experimentResultSchema.parse(res.body);
    expect(result.status).toBe("collecting_data");
    expect(result.variants[1]).toMatchObject({
      rate: null,
      rate_ci: null,
      p_value: null,
      uplift_relative: null,
    });
    expect(result.sample_ratio).toMatchObject({ chi_square: null, p_value: null, mismatch: false });
    expect(result.required_sample_size_per_variant).toBeNull();
    expect(result.verdict).toMatch(/no views yet/);
  });

  it("keeps collecting data before the planned sample size, with the leader's probability", async () => {
    // Control 480/10,000 (4.8%), variant 530/10,000. References (SciPy 1.17.1):
    // p = stats.chi2_contingency([[530, 9470], [480, 9520]], correction=False)[1] = 0.10639985517542927
    // P(beat) = quad(beta.pdf(x, 531, 9471) * beta.cdf(x, 481, 9521)) = 0.9467384943816548
    // n for 4.8% → 5.28% at 80% power: brentq on R's power.prop.test equation = 32606.99 → 32,607
    const id = await abTest({ views: 10_000, conversions: 480 }, { views: 10_000, conversions: 530 });
    const result = await getExperiment(id);
    expect(result.status).toBe("collecting_data");
    expect(result.required_sample_size_per_variant).toBe(32_607);
    expect(result.views_needed).toBe(2 * (32_607 - 10_000));
    const variant = result.variants[1];
    expect(variant.p_value).toBeCloseTo(0.10639985517542927, 10);
    expect(variant.probability_to_beat_control).toBeCloseTo(0.9467384943816548, 8);
    expect(variant.uplift_absolute).toBeCloseTo(0.005, 12);
    expect(variant.uplift_relative).toBeCloseTo(50 / 480, 12);
    expect(variant.significant).toBe(false);
    expect(result.verdict).toBe(
      "Variant A beats control with 95% probability; 45,214 more views needed before calling it.",
    );
  });

  it("calls a winner once the sample size is reached", async () => {
    // p = stats.chi2_contingency([[2400, 37600], [2000, 38000]], correction=False)[1] = 5.531658307342405e-10
    const id = await abTest({ views: 40_000, conversions: 2000 }, { views: 40_000, conversions: 2400 });
    const result = await getExperiment(id);
    expect(result.status).toBe("significant_winner");
    expect(result.views_needed).toBe(0);
    expect(result.control?.variant_id).toBe("control");
    const variant = result.variants[1];
    expect(variant.p_value! / 5.531658307342405e-10).toBeCloseTo(1, 8);
    expect(variant.significant).toBe(true);
    expect(variant.uplift_relative).toBeCloseTo(0.2, 12);
    expect(variant.uplift_relative_ci![0]).toBeGreaterThan(0);
    expect(variant.probability_to_beat_control).toBeGreaterThan(0.9999);
    expect(result.verdict).toMatch(/^Variant A beats control: conversion rate 6\.00% vs 5\.00% \(\+20\.0%/);
  });

  it("calls a loser, or no difference, with Holm-adjusted p-values across variants", async () => {
    // Raw p-values (SciPy chi2_contingency, no correction): 1800 vs 2000 of 40,000 → 0.0008862741602697458,
    // 2020 vs 2000 → 0.7461823159348056; Holm: 2 × 0.000886…, then max(0.746…, that).
    const id = await abTest(
      { views: 40_000, conversions: 2000 },
      { views: 40_000, conversions: 1800 },
      { views: 40_000, conversions: 2020 },
    );
    const result = await getExperiment(id);
    expect(result.status).toBe("significant_loser");
    const [, worse, same] = result.variants;
    expect(worse.p_value_adjusted).toBeCloseTo(2 * 0.0008862741602697458, 10);
    expect(same.p_value_adjusted).toBeCloseTo(0.7461823159348056, 10);
    expect([worse.significant, same.significant]).toEqual([true, false]);
    expect(result.verdict).toMatch(/^Variant A does worse than control.*Keep the control\.$/);

    const flat = await abTest({ views: 40_000, conversions: 2000 }, { views: 40_000, conversions: 2020 });
    const noDifference = await getExperiment(flat);
    expect(noDifference.status).toBe("no_detectable_difference");
    expect(noDifference.verdict).toMatch(/^No variant differs detectably/);
  });

  it("flags a sample ratio mismatch and reads the engagement metric", async () => {
    // stats.chisquare([40000, 30000]) → statistic 1428.5714285714287, p ≈ 0
    const id = await abTest(
      { views: 40_000, conversions: 2000, engagement: 4000 },
      { views: 30_000, conversions: 2400, engagement: 3000 },
    );
    const result = await getExperiment(id, "?metric=engagement");
    expect(result.metric).toBe("engagement");
    expect(result.variants.map((v) => v.successes)).toEqual([4000, 3000]);
    expect(result.sample_ratio.chi_square).toBeCloseTo(1428.5714285714287, 8);
    expect(result.sample_ratio.mismatch).toBe(true);
    expect(result.sample_ratio.expected_shares).toEqual([0.5, 0.5]);
    expect(result.verdict).toMatch(/^Caution: the views are not split as planned/);
  });

  it("caps successes above views with a warning", async () => {
    const id = await abTest(
      { views: 10, conversions: 1, engagement: 25 },
      { views: 10, conversions: 1, engagement: 5 },
    );
    const result = await getExperiment(id, "?metric=engagement");
    expect(result.control?.rate).toBe(1);
    expect(result.warnings[0]).toMatch(/more engagements than views/);
  });

  it("rejects bad queries and ids, and answers 404 for a missing segment", async () => {
    const id = await abTest({ views: 10, conversions: 1 }, { views: 10, conversions: 2 });
    for (const query of [
      "?metric=clicks",
      "?mde=0",
      "?mde=-1",
      "?alpha=0",
      "?alpha=0.5",
      "?alpha=x",
      "?power=0.9",
    ]) {
      expect((await api("GET", `/api/v1/segments/${id}/experiment${query}`)).status, query).toBe(422);
    }
    expect((await api("GET", `/api/v1/segments/${MISSING}/experiment`)).status).toBe(404);
    expect((await api("GET", "/api/v1/segments/abc/experiment")).status).toBe(422);
    const custom = await getExperiment(id, "?mde=0.25&alpha=0.01");
    expect(custom).toMatchObject({ minimum_detectable_effect: 0.25, alpha: 0.01, confidence_level: 0.99 });
  });
});
