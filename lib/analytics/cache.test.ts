import { describe, expect, it } from "vitest";
import { decideCache } from "./cache";
import type { ComputedAnalytics } from "./schemas";

const computedAt = new Date("2026-01-10T12:00:00.000Z");
const analytics: ComputedAnalytics = {
  segment_id: "6f1c1d7e-9a53-4a0f-9a43-2d0c7a8b1e11",
  days: 30,
  member_count: 0,
  member_growth: [],
  performance_summary: {
    total_views: 0,
    total_engagement: 0,
    total_conversions: 0,
    avg_engagement_rate: 0,
    conversion_rate: 0,
    content_count: 0,
  },
  top_performing_content: [],
  engagement_trends: [],
  recommendations: [],
  computed_at: computedAt.toISOString(),
};
const stored = { fingerprint: "abc", analytics };
const minutesLater = (minutes: number) => new Date(computedAt.getTime() + minutes * 60_000);

describe("decideCache", () => {
  it("serves a fresh analysis of unchanged data for the same window", () => {
    expect(decideCache(stored, "abc", 30, minutesLater(14.9))).toEqual({ hit: analytics, stale: false });
  });

  it("is stale when the data changed or the analysis expired", () => {
    expect(decideCache(stored, "changed", 30, minutesLater(1))).toEqual({ hit: null, stale: true });
    expect(decideCache(stored, "abc", 30, minutesLater(15))).toEqual({ hit: null, stale: true });
  });

  it("recomputes another window without calling the stored analysis stale", () => {
    expect(decideCache(stored, "abc", 7, minutesLater(1))).toEqual({ hit: null, stale: false });
  });

  it("ignores a missing or foreign performance_metrics value", () => {
    expect(decideCache(null, "abc", 30, minutesLater(1))).toEqual({ hit: null, stale: false });
    expect(decideCache({ engagement: 12 }, "abc", 30, minutesLater(1))).toEqual({ hit: null, stale: false });
  });
});
