import { describe, expect, it } from "vitest";
import { percentOf } from "./percent";
import { buildRecommendations } from "./recommendations";

const base = { member_count: 500, content_count: 3, total_views: 1000, avg_engagement_rate: 10 };
const types = (input: Partial<typeof base>) => buildRecommendations({ ...base, ...input }).map((r) => r.type);

describe("buildRecommendations", () => {
  it.each([
    [0, "refine_criteria"],
    [4.99, "refine_criteria"],
    [5, "ab_test_content"],
    [14.99, "ab_test_content"],
    [15, "scale_up_content"],
    [80, "scale_up_content"],
  ])("at %s%% engagement advises %s", (rate, expected) => {
    expect(types({ avg_engagement_rate: rate })).toEqual([expected]);
  });

  it("names the figure and the threshold that caused the advice", () => {
    expect(buildRecommendations({ ...base, avg_engagement_rate: 3.2 })[0]).toMatchObject({
      priority: "high",
      metric: "avg_engagement_rate",
      value: 3.2,
      threshold: 5,
    });
  });

  it("waits for 100 views and asks for content first", () => {
    expect(types({ total_views: 99, avg_engagement_rate: 1 })).toEqual(["collect_more_data"]);
    expect(types({ total_views: 100, avg_engagement_rate: 1 })).toEqual(["refine_criteria"]);
    expect(types({ content_count: 0, total_views: 0 })).toEqual(["create_content"]);
  });

  it("advises small segments to broaden, high priority first", () => {
    expect(types({ member_count: 99, avg_engagement_rate: 20 })).toEqual([
      "scale_up_content",
      "broaden_criteria",
    ]);
    expect(types({ member_count: 100 })).toEqual(["ab_test_content"]);
    expect(types({ member_count: 0, total_views: 10 })).toEqual(["broaden_criteria", "collect_more_data"]);
  });
});

describe("percentOf", () => {
  it("rounds to two decimals and answers 0 without a whole", () => {
    expect(percentOf(169, 1210)).toBe(13.97);
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(5, 0)).toBe(0);
  });
});
