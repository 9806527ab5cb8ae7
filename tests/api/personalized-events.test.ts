import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { performanceEventsResultSchema } from "@/lib/personalized/schemas";
import { api } from "../support/api";
import { countersAndDailySums, createPersonalized, daily, history } from "../support/performance-records";

const MISSING = "00000000-0000-4000-8000-000000000000";
const today = () => new Date().toISOString().slice(0, 10);

// Opening the database (and migrating it) can be slow on a busy machine: not part of any test's time.
beforeAll(async () => {
  await getDb();
});

describe("POST /segments/personalized/events", () => {
  it("aggregates a batch into counters, rates, one history snapshot per item and daily rows per UTC day", async () => {
    const [a, b] = [await createPersonalized(), await createPersonalized()];
    const res = await api("POST", "/api/v1/segments/personalized/events", {
      events: [
        { personalized_content_id: a.id, type: "view", count: 10, occurred_at: "2026-01-01T23:59:59Z" },
        { personalized_content_id: a.id, type: "view", count: 10, occurred_at: "2026-01-02T00:30:00+02:00" },
        { personalized_content_id: a.id, type: "engagement", count: 5, occurred_at: "2026-01-02T10:00:00Z" },
        { personalized_content_id: b.id, type: "view" },
        { personalized_content_id: b.id, type: "view" },
        { personalized_content_id: b.id, type: "conversion" },
        {
          personalized_content_id: a.id.toUpperCase(),
          type: "conversion",
          occurred_at: "2026-01-02T12:00:00Z",
        },
      ],
    });
    expect(res.status).toBe(200);
    const body = performanceEventsResultSchema.parse(res.body);
    expect(body.accepted).toBe(7);
    const byId = Object.fromEntries(body.items.map((item) => [item.personalized_content_id, item]));
    expect(byId[a.id]).toEqual({
      personalized_content_id: a.id,
      view_count: 20,
      engagement_count: 5,
      conversion_count: 1,
      engagement_rate: 25,
    });
    expect(byId[b.id]).toMatchObject({
      view_count: 2,
      engagement_count: 0,
      conversion_count: 1,
      engagement_rate: 0,
    });
    // 00:30 at +02:00 is 22:30 UTC on the 1st.
    expect(await daily(a.id)).toEqual([
      { day: "2026-01-01", views: 20, engagements: 0, conversions: 0 },
      { day: "2026-01-02", views: 0, engagements: 5, conversions: 1 },
    ]);
    expect(await daily(b.id)).toEqual([{ day: today(), views: 2, engagements: 0, conversions: 1 }]);
    expect(await history(a.id)).toEqual([{ views: 20, engagement: 5, conversions: 1, rate: 25 }]);
    const read = await api("GET", `/api/v1/segments/personalized/${a.id}`);
    expect(read.body.performance).toMatchObject({
      views: 20,
      engagement: 5,
      conversions: 1,
      engagement_rate: 25,
    });
  });

  it("refuses the whole batch when an id is unknown, naming its index", async () => {
    const item = await createPersonalized();
    const res = await api("POST", "/api/v1/segments/personalized/events", {
      events: [
        { personalized_content_id: item.id, type: "view" },
        { personalized_content_id: item.id, type: "view" },
        { personalized_content_id: item.id, type: "engagement" },
        { personalized_content_id: MISSING, type: "view" },
        { personalized_content_id: MISSING, type: "conversion" },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: "events.3.personalized_content_id", location: "body" }),
    ]);
    expect((await api("GET", `/api/v1/segments/personalized/${item.id}`)).body.view_count).toBe(0);
    expect(await daily(item.id)).toEqual([]);
    expect(await history(item.id)).toEqual([]);
  });

  it("validates events: type, count, time, batch size and body size", async () => {
    const item = await createPersonalized();
    const url = "/api/v1/segments/personalized/events";
    const id = item.id;
    const bad = await api("POST", url, {
      events: [
        { personalized_content_id: id, type: "click" },
        { personalized_content_id: id, type: "view", count: 0 },
        { personalized_content_id: "nope", type: "view" },
        { personalized_content_id: id, type: "view", occurred_at: "last week" },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual([
      "events.0.type",
      "events.1.count",
      "events.2.personalized_content_id",
      "events.3.occurred_at",
    ]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const ahead = await api("POST", url, {
      events: [{ personalized_content_id: id, type: "view", occurred_at: future }],
    });
    expect(ahead.status).toBe(422);
    expect(ahead.body.errors[0].field).toBe("events.0.occurred_at");
    expect((await api("POST", url, { events: [] })).status).toBe(422);
    const tooMany = await api("POST", url, {
      events: Array.from({ length: 10_001 }, () => ({ personalized_content_id: id, type: "view" })),
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].field).toBe("events");
    const huge = await api("POST", url, undefined, {
      rawBody: JSON.stringify({
        events: [{ personalized_content_id: id, type: "x".repeat(5 * 1024 * 1024) }],
      }),
    });
    expect(huge.status).toBe(413);
    expect((await api("GET", `/api/v1/segments/personalized/${id}`)).body.view_count).toBe(0);
  });

  it("keeps totals and daily sums exact under many concurrent batches", async () => {
    const items = await Promise.all(Array.from({ length: 4 }, () => createPersonalized()));
    const ids = items.map((item) => item.id);
    const types = ["view", "view", "view", "engagement", "conversion"] as const;
    const batches = Array.from({ length: 16 }, (_, b) =>
      Array.from({ length: 250 }, (_, i) => ({
        // Reversed id order in every other batch: rows must still be locked in one order.
        personalized_content_id: b % 2 === 0 ? ids[i % 4] : ids[3 - (i % 4)],
        type: types[(i + b) % types.length],
        count: 1 + (i % 3),
        occurred_at: new Date(Date.UTC(2026, 0, 1 + ((i + b) % 5), 12)).toISOString(),
      })),
    );
    const expected = new Map(ids.map((id) => [id, { views: 0, engagement: 0, conversions: 0 }]));
    for (const event of batches.flat()) {
      const totals = expected.get(event.personalized_content_id)!;
      const metric =
        event.type === "view" ? "views" : event.type === "engagement" ? "engagement" : "conversions";
      totals[metric] += event.count;
    }
    const results = await Promise.all(
      batches.map((events) => api("POST", "/api/v1/segments/personalized/events", { events })),
    );
    expect(results.map((r) => r.status)).toEqual(batches.map(() => 200));
    const { counters, sums } = await countersAndDailySums(ids);
    expect(sums).toEqual(counters);
    for (const row of counters) expect(row).toEqual({ id: row.id, ...expected.get(row.id)! });
    for (const id of ids) expect(await history(id)).toHaveLength(16);
  });

  it("records 10,000 events in one batch", async () => {
    const items = await Promise.all(Array.from({ length: 50 }, () => createPersonalized()));
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      personalized_content_id: items[i % 50].id,
      type: i % 10 === 0 ? ("engagement" as const) : ("view" as const),
      occurred_at: new Date(Date.UTC(2026, 0, 1 + (i % 30))).toISOString(),
    }));
    const started = performance.now();
    const res = await api("POST", "/api/v1/segments/personalized/events", { events });
    console.info(`10,000 events over 50 items and 30 days: ${(performance.now() - started).toFixed(0)} ms`);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(10_000);
    const { counters, sums } = await countersAndDailySums(items.map((item) => item.id));
    expect(sums).toEqual(counters);
    expect(counters.reduce((sum, row) => sum + row.views + row.engagement, 0)).toBe(10_000);
  }, 60_000);
});
