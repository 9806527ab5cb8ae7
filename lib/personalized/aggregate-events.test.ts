import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateEvents, utcDay } from "./aggregate-events";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const now = new Date("2026-05-10T23:30:00-02:00");

describe("utcDay", () => {
  it("is the calendar day in UTC, not in the instant's own offset", () => {
    expect(utcDay(new Date("2026-01-02T00:30:00+02:00"))).toBe("2026-01-01");
    expect(utcDay(now)).toBe("2026-05-11");
  });
});

describe("aggregateEvents", () => {
  it("sums per item and per item and day, sorted by id then day, today for events without a time", () => {
    const result = aggregateEvents(
      [
        { personalized_content_id: B, type: "view", count: 2 },
        { personalized_content_id: A, type: "view", count: 1, occurred_at: "2026-05-01T10:00:00Z" },
        { personalized_content_id: A, type: "engagement", count: 1, occurred_at: "2026-05-01T11:00:00Z" },
        { personalized_content_id: A, type: "conversion", count: 3 },
        { personalized_content_id: B, type: "view", count: 1 },
      ],
      now,
    );
    expect(result.items).toEqual([
      { id: A, views: 1, engagement: 1, conversions: 3 },
      { id: B, views: 3, engagement: 0, conversions: 0 },
    ]);
    expect(result.days).toEqual([
      { id: A, day: "2026-05-01", views: 1, engagement: 1, conversions: 0 },
      { id: A, day: "2026-05-11", views: 0, engagement: 0, conversions: 3 },
      { id: B, day: "2026-05-11", views: 3, engagement: 0, conversions: 0 },
    ]);
  });

  it("loses nothing: per-item and per-day totals both add up to the events", () => {
    const event = fc.record({
      personalized_content_id: fc.constantFrom(A, B),
      type: fc.constantFrom("view" as const, "engagement" as const, "conversion" as const),
      count: fc.integer({ min: 1, max: 1000 }),
      occurred_at: fc.option(
        fc
          .date({ min: new Date("2025-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
          .map((d) => d.toISOString()),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 200 }), (events) => {
        const { items, days } = aggregateEvents(events, now);
        const total = events.reduce((sum, e) => sum + e.count, 0);
        const sum = (rows: { views: number; engagement: number; conversions: number }[]) =>
          rows.reduce((s, r) => s + r.views + r.engagement + r.conversions, 0);
        expect(sum(items)).toBe(total);
        expect(sum(days)).toBe(total);
        expect(new Set(days.map((d) => `${d.id}|${d.day}`)).size).toBe(days.length);
      }),
    );
  });
});
