import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { difference, nextTotals, ratioErrors } from "./performance-totals";

const current = { views: 100, engagement: 20, conversions: 5 };

describe("nextTotals", () => {
  it("replaces only the metrics given in set mode", () => {
    expect(nextTotals(current, { mode: "set", views: 50 })).toEqual({
      views: 50,
      engagement: 20,
      conversions: 5,
    });
    expect(nextTotals(current, { mode: "set", engagement: 0, conversions: 0 })).toEqual({
      views: 100,
      engagement: 0,
      conversions: 0,
    });
  });

  it("adds the metrics given in increment mode", () => {
    expect(nextTotals(current, { mode: "increment", views: 10, conversions: 1 })).toEqual({
      views: 110,
      engagement: 20,
      conversions: 6,
    });
  });

  it("moves the totals by exactly the difference it reports", () => {
    const totals = fc.record({ views: fc.nat(), engagement: fc.nat(), conversions: fc.nat() });
    fc.assert(
      fc.property(
        totals,
        totals,
        fc.constantFrom("set" as const, "increment" as const),
        (before, given, mode) => {
          const after = nextTotals(before, { ...given, mode });
          const delta = difference(after, before);
          expect(before.views + delta.views).toBe(after.views);
          expect(before.engagement + delta.engagement).toBe(after.engagement);
          expect(before.conversions + delta.conversions).toBe(after.conversions);
        },
      ),
    );
  });
});

describe("ratioErrors", () => {
  it("accepts engagement and conversions up to views", () => {
    expect(ratioErrors({ views: 10, engagement: 10, conversions: 10 }, { views: 10 })).toEqual([]);
  });

  it("names the metric given, or views when only views was given", () => {
    expect(ratioErrors({ views: 10, engagement: 11, conversions: 0 }, { engagement: 11 })).toEqual([
      expect.objectContaining({ field: "engagement", location: "body" }),
    ]);
    expect(
      ratioErrors({ views: 4, engagement: 5, conversions: 6 }, { views: 4 }).map((e) => e.field),
    ).toEqual(["views", "views"]);
    expect(
      ratioErrors({ views: 4, engagement: 5, conversions: 6 }, { views: 4, conversions: 6 }).map(
        (e) => e.field,
      ),
    ).toEqual(["views", "conversions"]);
  });
});
