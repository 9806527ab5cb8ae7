import { describe, expect, it } from "vitest";
import { dependsOnTime, eventNames, listConditions, segmentReferences } from "./ast";
import { parseCriteria } from "./parse-criteria";

function issuesOf(criteria: unknown) {
  const result = parseCriteria(criteria);
  if (result.ok) throw new Error("expected invalid criteria");
  return result.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

function conditionsOf(criteria: unknown) {
  const result = parseCriteria(criteria);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { node: result.node, conditions: listConditions(result.node) };
}

describe("event conditions and segment references in criteria", () => {
  it("parses the issue's example with every part normalised", () => {
    const { conditions } = conditionsOf({
      event: {
        name: "purchase",
        where: [{ field: "properties.category", op: "eq", value: "books" }],
        within_days: 30,
        count: { gte: 3 },
      },
    });
    expect(conditions).toHaveLength(1);
    expect(conditions[0]).toMatchObject({
      path: "event",
      field: "event.purchase.count",
      op: "gte",
      value: 3,
      label: "purchase (properties.category is books) in the last 30 days: count is at least 3",
      event: {
        name: "purchase",
        where: [{ field: "properties.category", key: "category", op: "eq", value: "books" }],
        window: { days: 30 },
        measure: "count",
        of: null,
      },
    });
  });

  it("reads every measure and window, anywhere in all / any / not", () => {
    const { node, conditions } = conditionsOf({
      all: [
        { event: { name: "purchase", sum: { of: "value", gte: 100 } } },
        {
          event: {
            name: "purchase",
            avg: { of: "properties.amount", between: [1, 5] },
            between: ["2026-01-01", "2026-01-31"],
          },
        },
      ],
      any: [
        { event: { name: "view", last_seen_days: 7 } },
        { event: { name: "signup", first_seen_days: 14 } },
      ],
      not: { event: { name: "refund", count: { gt: 0 } } },
    });
    expect(conditions.map((c) => [c.path, c.op, c.value])).toEqual([
      ["all.0.event", "gte", 100],
      ["all.1.event", "between", [1, 5]],
      ["any.0.event", "within_last_days", 7],
      ["any.1.event", "within_last_days", 14],
      ["not.event", "gt", 0],
    ]);
    // A date as the end of `between` means its whole UTC day.
    expect(conditions[1].event?.window).toEqual({
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-31T23:59:59.999999Z",
    });
    expect(eventNames(node)).toEqual(["purchase", "view", "signup", "refund"]);
    expect(dependsOnTime(node)).toBe(true);
    expect(dependsOnTime(conditionsOf({ event: { name: "a", count: { gte: 1 } } }).node)).toBe(false);
    expect(
      dependsOnTime(conditionsOf({ event: { name: "a", within_days: 3, count: { gte: 1 } } }).node),
    ).toBe(true);
  });

  it("answers every mistake at its path: unknown keys, two measures, no measure, bad windows", () => {
    expect(issuesOf({ event: { name: "purchase", count: { gte: 1 }, colour: "red" } })).toEqual([
      'event.colour: Unknown event condition key "colour"',
    ]);
    expect(
      issuesOf({ all: [{ event: { name: "purchase", count: { gte: 1 }, sum: { of: "value", gt: 1 } } }] }),
    ).toEqual(["all.0.event.sum: Give only one measure (count and sum given)"]);
    expect(issuesOf({ event: { name: "purchase" } })).toEqual([
      "event: Give one measure: count, sum, avg, min, max, last_seen_days, first_seen_days",
    ]);
    expect(issuesOf({ event: { name: "Purchase!", count: { gte: 1 } } })).toEqual([
      "event.name: Expected an event name: 1 to 100 of a-z 0-9 _ . : -",
    ]);
    expect(issuesOf({ event: { name: "p", count: { gte: 1, lte: 3 } } })).toEqual([
      "event.count.lte: Give exactly one comparison: eq, gt, gte, lt, lte, between",
    ]);
    expect(issuesOf({ event: { name: "p", count: { gte: 1.5 } } })).toEqual([
      "event.count.gte: Expected a whole number at least 0",
    ]);
    expect(issuesOf({ event: { name: "p", sum: { gte: 1 } } })).toEqual([
      'event.sum.of: Give of: "value" or "properties.<key>"',
    ]);
    expect(issuesOf({ event: { name: "p", within_days: 0, count: { gte: 1 } } })).toEqual([
      "event.within_days: Expected a whole number of days from 1 to 3650",
    ]);
    expect(
      issuesOf({
        event: { name: "p", within_days: 3, between: ["2026-01-01", "2026-01-02"], count: { gte: 1 } },
      }),
    ).toEqual(["event.between: Give within_days or between, not both"]);
    expect(
      issuesOf({ event: { name: "p", between: ["2026-02-01", "2026-01-02"], count: { gte: 1 } } }),
    ).toEqual(["event.between: from is after to"]);
    expect(issuesOf({ event: { name: "p", within_days: 3, last_seen_days: 2 } })).toEqual([
      "event.last_seen_days: last_seen_days is its own window: give no within_days or between",
    ]);
    expect(
      issuesOf({
        event: { name: "p", where: [{ field: "properties.a b", op: "eq", value: 1 }], count: { gte: 1 } },
      }),
    ).toEqual(["event.where.0.field: A property key is 1 to 64 letters, digits, _ or -"]);
    expect(
      issuesOf({
        event: { name: "p", where: [{ field: "value", op: "contains_any", value: [1] }], count: { gte: 1 } },
      })[0],
    ).toMatch(/^event\.where\.0\.op: value supports/);
    expect(issuesOf({ in_segment: "not-a-uuid" })).toEqual(["in_segment: Expected a segment id (UUID)"]);
  });

  it("keeps the 5,000-value budget across where rules", () => {
    const list = Array.from({ length: 1000 }, (_, i) => i);
    const where = Array.from({ length: 6 }, () => ({ field: "value", op: "in", value: list }));
    expect(issuesOf({ event: { name: "p", where, count: { gte: 1 } } })).toContain(
      ": Criteria may hold at most 5000 values in all their lists",
    );
  });

  it("reads segment references with their paths, also negated", () => {
    const id = "3F2B8C1E-5D4A-4B6E-9F1A-2C3D4E5F6A7B";
    const { node } = conditionsOf({ all: [{ in_segment: id }], not: { in_segment: id.toLowerCase() } });
    expect(segmentReferences(node)).toEqual([
      { id: id.toLowerCase(), path: "all.0.in_segment" },
      { id: id.toLowerCase(), path: "not.in_segment" },
    ]);
  });
});
