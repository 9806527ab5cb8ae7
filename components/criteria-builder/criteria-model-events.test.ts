import { describe, expect, it } from "vitest";
import { parseCriteria } from "@/lib/criteria/parse-criteria";
import { fromCriteria } from "./criteria-from-json";
import { emptyCriteriaValues, emptyEvent, emptyGroup, emptySegmentRef } from "./criteria-model";
import { toCriteria } from "./criteria-to-json";

// Issue 13: event conditions and segment references in the builder's advanced rules, both ways.

const SEGMENT = "3f2b8c1e-5d4a-4b6e-9f1a-2c3d4e5f6a7b";

describe("event conditions in the criteria form", () => {
  it("writes an event condition and a segment reference the API accepts, and leaves incomplete ones out", () => {
    const values = emptyCriteriaValues();
    values.advanced = {
      ...emptyGroup("all"),
      items: [
        {
          ...emptyEvent(),
          name: "purchase",
          window: "days",
          days: "30",
          op: "gte",
          value: "3",
          where: [
            { type: "rule", id: "r1", field: "properties.category", op: "eq", value: "books", valueTo: "" },
          ],
        },
        {
          ...emptyEvent(),
          name: "purchase",
          measure: "sum",
          of: "value",
          op: "between",
          value: "10",
          valueTo: "20",
        },
        { ...emptyEvent(), name: "view", measure: "last_seen_days", value: "7" },
        { ...emptySegmentRef(), segmentId: SEGMENT },
        { ...emptyEvent(), name: "half-typed" },
        emptySegmentRef(),
      ],
    };
    const criteria = toCriteria(values);
    expect(criteria).toEqual({
      all: [
        {
          event: {
            name: "purchase",
            where: [{ field: "properties.category", op: "eq", value: "books" }],
            within_days: 30,
            count: { gte: 3 },
          },
        },
        { event: { name: "purchase", sum: { of: "value", between: [10, 20] } } },
        { event: { name: "view", last_seen_days: 7 } },
        { in_segment: SEGMENT },
      ],
    });
    expect(parseCriteria(criteria).ok).toBe(true);
    // Back into the form and out again: nothing lost.
    expect(toCriteria(fromCriteria(criteria))).toEqual(criteria);
    expect(fromCriteria(criteria).advanced.items.map((item) => item.type)).toEqual([
      "event",
      "event",
      "event",
      "segment",
    ]);
  });

  it("keeps an event condition the form cannot show as JSON", () => {
    const odd = { all: [{ event: { name: "purchase", count: { gte: 1, lte: 3 } } }] };
    const values = fromCriteria(odd);
    expect(values.advanced.items[0].type).toBe("raw");
    expect(toCriteria(values)).toEqual(odd);
  });
});
