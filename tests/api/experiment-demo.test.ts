import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { seedDemoDataIfEmpty } from "@/db/seed/demo";
import { segmentIds } from "@/db/seed/demo-segments";
import { segmentAnalyticsSchema } from "@/lib/analytics/schemas";
import { experimentResultSchema } from "@/lib/experiments/schemas";
import { api } from "../support/api";

// The demo data's A/B test on "Tech Early Adopters" (db/seed/demo-performance.ts): control 1,602 of
// 16,020 views convert (10.0%), variant_a 1,918 of 15,980 (12.0%), variant_b 1,617 of 16,005 (10.1%).
describe("the seeded demo A/B test", () => {
  it("is read as a significant win for variant A, and the demo segment has analytics", async () => {
    expect(await seedDemoDataIfEmpty(await getDb())).toBe(true);
    const res = await api("GET", `/api/v1/segments/${segmentIds.techEarlyAdopters}/experiment`);
    expect(res.status).toBe(200);
    const result = experimentResultSchema.parse(res.body);
    expect(result.status).toBe("significant_winner");
    expect(result.views_needed).toBe(0);
    expect(result.sample_ratio.mismatch).toBe(false);
    const [control, variantA, variantB] = result.variants;
    expect([control.variant_id, variantA.variant_id, variantB.variant_id]).toEqual([
      "control",
      "variant_a",
      "variant_b",
    ]);
    expect(variantA).toMatchObject({ significant: true });
    expect(variantA.uplift_relative).toBeCloseTo(1918 / 15980 / (1602 / 16020) - 1, 12);
    expect(variantB.significant).toBe(false);
    expect(result.verdict).toMatch(/^Variant A beats control: conversion rate 12\.00% vs 10\.00%/);

    const analytics = await api("GET", `/api/v1/segments/${segmentIds.techEarlyAdopters}/analytics`);
    expect(analytics.status).toBe(200);
    const parsed = segmentAnalyticsSchema.parse(analytics.body);
    expect(parsed.member_count).toBeGreaterThan(0);
    expect(parsed.member_growth.at(-1)?.members).toBe(parsed.member_count);
    expect(parsed.engagement_trends.some((day) => day.views > 0)).toBe(true);
    // Seeding the whole demo data set takes a while on a busy machine.
  }, 180_000);
});
