import { describe, expect, it } from "vitest";
import { criteriaLimits, parseCriteria } from "./parse-criteria";

function issuesOf(criteria: unknown) {
  const result = parseCriteria(criteria);
  if (result.ok) throw new Error("expected invalid criteria");
  return result.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("parseCriteria", () => {
  it("accepts the spec's examples and normalises their values", () => {
    const result = parseCriteria({
      age_range: [18, 35],
      location: ["US", "ca", "UK"],
      gender: "any",
      interests: ["Fitness", " AI "],
      purchase_history: { min_purchases: 5, total_spent_min: 100 },
      engagement_frequency: "Daily",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(
      result.node.children.map((c) => (c.kind === "condition" ? [c.path, c.field, c.op, c.value] : c.kind)),
    ).toEqual([
      ["age_range", "age", "between", [18, 35]],
      ["location", "location", "in", ["US", "CA", "GB"]],
      ["interests", "interests", "contains_any", ["fitness", "ai"]],
      ["purchase_history.min_purchases", "purchase_count", "gte", 5],
      ["purchase_history.total_spent_min", "total_spent", "gte", 100],
      ["engagement_frequency", "engagement_frequency", "in", ["daily"]],
    ]);
  });

  it("flattens all into the object's conditions and keeps any and not as one condition each", () => {
    const result = parseCriteria({
      min_match: 0.5,
      all: [{ field: "age", op: "gte", value: 18 }, { location: ["US"] }],
      any: [{ field: "traits.plan", op: "eq", value: "pro" }],
      not: { field: "interests", op: "exists" },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.node.minMatch).toBe(0.5);
    expect(result.node.children.map((c) => `${c.kind} ${c.path}`)).toEqual([
      "condition all.0",
      "group all.1",
      "group any",
      "not not",
    ]);
  });

  it("names the path of unknown keys, wrong types and impossible ranges", () => {
    expect(
      issuesOf({
        age_range: [40, 30],
        colour: "red",
        purchase_history: { min_purchases: -1, max: 3 },
        engagement_level: "extreme",
        location: "US",
        any: [
          { field: "age", op: "between", value: [9, 1] },
          { field: "age", op: "contains_any", value: [1] },
        ],
        not: { field: "traits.bad key", op: "exists" },
      }),
    ).toEqual(
      expect.arrayContaining([
        "age_range: min is above max",
        'colour: Unknown criteria key "colour"',
        'purchase_history.max: Unknown purchase_history key "max"',
        "purchase_history.min_purchases: Expected a whole number at least 0",
        "engagement_level: Expected one of low, medium, high",
        "location: Expected a list of country codes",
        "any.0.value: min is above max",
        expect.stringMatching(/^any\.1\.op: age supports/),
        "not.field: A trait key is 1 to 64 letters, digits, _ or -",
      ]),
    );
  });

  it("rejects values on presence tests, missing values and bad operators", () => {
    expect(issuesOf({ all: [{ field: "age", op: "exists", value: 1 }] })).toEqual([
      "all.0.value: exists takes no value",
    ]);
    expect(issuesOf({ all: [{ field: "age", op: "gt" }] })).toEqual(["all.0.value: Expected a number"]);
    expect(issuesOf({ all: [{ field: "age", op: "like", value: 1 }] })[0]).toMatch(
      /^all\.0\.op: op must be one of/,
    );
    expect(issuesOf({ all: [{ field: "age", op: "eq", value: 1.5 }] })).toEqual([
      "all.0.value: Expected a whole number",
    ]);
    expect(issuesOf({ all: [] })).toEqual(["all: Expected a non-empty list of criteria objects or rules"]);
    expect(issuesOf({ min_match: 1.5, age_range: [1, 2] })).toEqual([
      "min_match: min_match must be a number from 0 to 1",
    ]);
    expect(issuesOf({ min_match: 0.5 })).toEqual([
      "min_match: min_match needs at least one condition beside it",
    ]);
    expect(issuesOf({ all: [{ field: "last_active_at", op: "gt", value: "yesterday" }] })).toEqual([
      "all.0.value: Expected an ISO 8601 date-time",
    ]);
  });

  it("limits depth and size", () => {
    let deep: Record<string, unknown> = { age_range: [1, 2] };
    for (let i = 0; i <= criteriaLimits.maxDepth; i++) deep = { not: deep };
    expect(issuesOf(deep)[0]).toMatch(/nest at most/);
    const wide = { any: Array.from({ length: 60 }, () => ({ age_range: [1, 2], location: ["US"] })) };
    expect(issuesOf(wide)).toEqual([
      `: Criteria may hold at most ${criteriaLimits.maxConditions} conditions`,
    ]);
  });

  it("holds all lists together to the total value budget, naming the criteria", () => {
    const { maxListLength, maxTotalValues } = criteriaLimits;
    const lists = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        field: `traits.k${i}`,
        op: "in",
        value: Array.from({ length: maxListLength }, (_, j) => j),
      }));
    expect(parseCriteria({ all: lists(maxTotalValues / maxListLength) }).ok).toBe(true);
    expect(issuesOf({ all: lists(maxTotalValues / maxListLength + 1) })).toEqual([
      `: Criteria may hold at most ${maxTotalValues} values in all their lists`,
    ]);
  });

  it("refuses dates outside the years 1 to 9999 and shortens long lists in labels", () => {
    const rule = { field: "last_active_at", op: "gt", value: "-271821-04-20T00:00:00Z" };
    expect(issuesOf({ all: [rule] })).toEqual(["all.0.value: Must be a date between the years 1 and 9999"]);
    const result = parseCriteria({ location: ["US", "CA", "GB", "DE", "FR"] });
    if (!result.ok) throw new Error("expected valid criteria");
    const [condition] = result.node.children;
    expect(condition.kind === "condition" && condition.label).toBe("Country is one of US, CA, GB and 2 more");
  });
});
