import { describe, expect, it } from "vitest";
import { fromCriteria } from "./criteria-from-json";
import { emptyCriteriaValues, emptyGroup, emptyRule } from "./criteria-model";
import { toCriteria } from "./criteria-to-json";

describe("criteria form model", () => {
  it("writes the spec's keys from the labelled fields", () => {
    const values = {
      ...emptyCriteriaValues(),
      minAge: "25",
      maxAge: "45",
      locations: ["US", "CA"],
      genders: ["female"],
      interests: ["technology"],
      minPurchases: "5",
      minTotalSpent: "100",
      engagementFrequencies: ["daily", "weekly"],
      contentPreferences: ["videos"],
      engagementLevels: ["high"],
      minSessionDuration: "300",
      activeWithinDays: "7",
      minInteractionScore: "0.7",
    };
    expect(toCriteria(values)).toEqual({
      age_range: [25, 45],
      location: ["US", "CA"],
      gender: "female",
      interests: ["technology"],
      purchase_history: { min_purchases: 5, total_spent_min: 100 },
      engagement_frequency: ["daily", "weekly"],
      content_preferences: ["videos"],
      engagement_level: "high",
      avg_session_duration: 300,
      last_active_days: 7,
      interaction_score_min: 0.7,
    });
  });

  it("leaves out empty fields", () => {
    expect(toCriteria(emptyCriteriaValues())).toEqual({});
  });

  it("reads back what it writes, including nested groups", () => {
    const criteria = {
      age_range: [18, 35],
      interests: ["fitness"],
      any: [
        { field: "traits.plan", op: "in", value: ["pro", "team"] },
        { not: { field: "age", op: "between", value: [20, 30] } },
        { all: [{ field: "email", op: "exists" }] },
      ],
    };
    const values = fromCriteria(criteria);
    expect(values.advanced.kind).toBe("any");
    expect(values.advanced.items).toHaveLength(3);
    expect(toCriteria(values, { age: "number", email: "string" })).toEqual(criteria);
  });

  it("keeps keys and shapes the form cannot show", () => {
    const criteria = { min_match: 0.5, gender: 3, custom_key: { a: 1 }, interests: ["x"] };
    const values = fromCriteria(criteria);
    expect(values.extra).toEqual({ min_match: 0.5, gender: 3, custom_key: { a: 1 } });
    expect(toCriteria(values)).toEqual(criteria);
  });

  it("types rule values by the field's type", () => {
    const values = emptyCriteriaValues();
    values.advanced = emptyGroup("all");
    values.advanced.items = [
      { ...emptyRule("purchase_count"), op: "gte", value: "3" },
      { ...emptyRule("external_id"), op: "eq", value: "123" },
      { ...emptyRule("traits.vip"), op: "eq", value: "true" },
      { ...emptyRule(""), op: "eq", value: "ignored: no field" },
    ];
    expect(toCriteria(values, { purchase_count: "number", external_id: "string" })).toEqual({
      all: [
        { field: "purchase_count", op: "gte", value: 3 },
        { field: "external_id", op: "eq", value: "123" },
        { field: "traits.vip", op: "eq", value: true },
      ],
    });
  });

  it("wraps several negated conditions in one group", () => {
    const values = emptyCriteriaValues();
    values.advanced = { ...emptyGroup("not"), items: [emptyRule("a"), emptyRule("b")] };
    values.advanced.items = values.advanced.items.map((item) => ({ ...item, value: "x" }));
    expect(toCriteria(values)).toEqual({
      not: {
        all: [
          { field: "a", op: "eq", value: "x" },
          { field: "b", op: "eq", value: "x" },
        ],
      },
    });
  });
});

describe("age range", () => {
  it("fills an open end with the widest age and reads it back as open", () => {
    const values = { ...emptyCriteriaValues(), minAge: "30" };
    expect(toCriteria(values)).toEqual({ age_range: [30, 150] });
    expect(fromCriteria({ age_range: [30, 150] })).toMatchObject({ minAge: "30", maxAge: "" });
    expect(toCriteria({ ...emptyCriteriaValues(), maxAge: "40" })).toEqual({ age_range: [0, 40] });
  });
});

describe("what the form writes", () => {
  it("is accepted by the API's criteria parser", async () => {
    const { parseCriteria } = await import("@/lib/criteria/parse-criteria");
    const values = fromCriteria({
      age_range: [18, 35],
      location: ["US", "CA"],
      gender: ["female", "male"],
      interests: ["fitness"],
      purchase_history: { min_purchases: 2, total_spent_min: 50 },
      engagement_frequency: "daily",
      content_preferences: ["videos"],
      engagement_level: ["high", "medium"],
      avg_session_duration: 120,
      last_active_days: 30,
      interaction_score_min: 0.5,
      any: [
        { field: "traits.plan", op: "in", value: ["pro"] },
        { not: { field: "traits.vip", op: "exists" } },
      ],
    });
    expect(parseCriteria(toCriteria(values)).ok).toBe(true);
  });
});

describe("incomplete rules", () => {
  it("are left out until they have a field and a value", () => {
    const values = emptyCriteriaValues();
    values.advanced.items = [
      { ...emptyRule("gender"), op: "eq", value: "" },
      { ...emptyRule("age"), op: "between", value: "20", valueTo: "" },
      { ...emptyRule("traits."), op: "exists" },
      { ...emptyRule("interests"), op: "contains_any", value: " , " },
    ];
    expect(toCriteria(values)).toEqual({});
  });
});
