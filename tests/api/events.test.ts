import { count, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, users } from "@/db/schema";
import { eventBatchResultSchema } from "@/lib/events/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { countersAndDailySums, createPersonalized, daily, history } from "../support/performance-records";
import { seedUser } from "../support/seed-users";

const MISSING = "00000000-0000-4000-8000-000000000000";
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  await getDb();
});

async function storedEvents(userId: string) {
  const db = await getDb();
  return db.select().from(events).where(eq(events.user_id, userId)).orderBy(events.id);
}

describe("POST /api/v1/events", () => {
  it("stores names, event ids and properties exactly as sent, escapes and all", async () => {
    const user = await seedUser();
    const properties = {
      quote: 'say "hi"\\ \\n',
      unicode: "café ✓ 😀 \u2028",
      nested: { list: [1, 2.5, -0, 1e21, null, true, { deep: "}{][" }], empty: {} },
      'key with "quotes"': "",
    };
    const eventId = `id "with" \\ quotes é ${uniqueName("x")}`;
    const res = await api("POST", "/api/v1/events", {
      events: [{ user_id: user.id, name: "odd:name.v-2_x", event_id: eventId, properties, value: -0.5 }],
    });
    expect(res.status).toBe(200);
    const [stored] = await storedEvents(user.id);
    expect(stored).toMatchObject({ name: "odd:name.v-2_x", event_id: eventId, value: -0.5 });
    expect(stored.properties).toEqual(JSON.parse(JSON.stringify(properties)));
  });

  it("stores events of any name and bumps the counters, rate, history and daily rows of content events", async () => {
    const user = await seedUser();
    const item = await createPersonalized();
    const res = await api("POST", "/api/v1/events", {
      events: [
        {
          user_id: user.id,
          name: "content_view",
          personalized_content_id: item.id,
          occurred_at: "2026-01-01T23:00:00Z",
        },
        { user_id: user.id, name: "content_view", personalized_content_id: item.id },
        { user_id: user.id, name: "content_view", personalized_content_id: item.id },
        { user_id: user.id, name: "content_view", personalized_content_id: item.id },
        { user_id: user.id, name: "content_engagement", personalized_content_id: item.id },
        { user_id: user.id, name: "content_conversion", personalized_content_id: item.id, value: 42.5 },
        { user_id: user.id, name: "checkout.started", properties: { cart: ["a", "b"] }, value: 3 },
      ],
    });
    expect(res.status).toBe(200);
    expect(eventBatchResultSchema.parse(res.body)).toEqual({ accepted: 7, duplicates: 0, rejected: [] });
    const stored = await storedEvents(user.id);
    expect(stored.map((e) => e.name)).toContain("checkout.started");
    const checkout = stored.find((e) => e.name === "checkout.started");
    expect(checkout).toMatchObject({
      properties: { cart: ["a", "b"] },
      value: 3,
      personalized_content_id: null,
    });
    expect(checkout?.received_at).toBeInstanceOf(Date);
    const read = await api("GET", `/api/v1/segments/personalized/${item.id}`);
    expect(read.body).toMatchObject({
      view_count: 4,
      engagement_count: 1,
      conversion_count: 1,
      engagement_rate: 25,
    });
    expect(await daily(item.id)).toEqual([
      { day: "2026-01-01", views: 1, engagements: 0, conversions: 0 },
      { day: today(), views: 3, engagements: 1, conversions: 1 },
    ]);
    expect(await history(item.id)).toEqual([{ views: 4, engagement: 1, conversions: 1, rate: 25 }]);
  });

  it("stores an event_id once: repeated in a batch, and across retries, counting duplicates exactly", async () => {
    const user = await seedUser();
    const item = await createPersonalized();
    const key = uniqueName("evt");
    const batch = {
      events: [
        { user_id: user.id, name: "content_view", personalized_content_id: item.id, event_id: `${key}-1` },
        { user_id: user.id, name: "content_view", personalized_content_id: item.id, event_id: `${key}-1` },
        { user_id: user.id, name: "content_view", personalized_content_id: item.id, event_id: `${key}-2` },
        { user_id: user.id, name: "content_view", personalized_content_id: item.id },
      ],
    };
    const first = await api("POST", "/api/v1/events", batch);
    expect(first.body).toEqual({ accepted: 3, duplicates: 1, rejected: [] });
    const retry = await api("POST", "/api/v1/events", { events: batch.events.slice(0, 3) });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    expect((await api("GET", `/api/v1/segments/personalized/${item.id}`)).body.view_count).toBe(3);
    expect(await storedEvents(user.id)).toHaveLength(3);
  });

  it("stays exact under 16 concurrent batches with overlapping event_ids", async () => {
    const [userA, userB] = [await seedUser(), await seedUser()];
    const [a, b] = [await createPersonalized(), await createPersonalized()];
    const key = uniqueName("race");
    // Batch k holds ids k … k+99 of a pool of 400: every id is in up to 100 batches' way, in mixed orders.
    const batches = Array.from({ length: 16 }, (_, k) =>
      Array.from({ length: 100 }, (_, j) => {
        const n = (k * 20 + (k % 2 === 0 ? j : 99 - j)) % 400;
        return {
          event_id: `${key}-${n}`,
          user_id: n % 2 === 0 ? userA.id : userB.id,
          name: ["content_view", "content_engagement", "content_conversion"][n % 3],
          personalized_content_id: n % 5 === 0 ? b.id : a.id,
          occurred_at: new Date(Date.UTC(2026, 0, 1 + (n % 3))).toISOString(),
        };
      }),
    );
    const results = await Promise.all(
      batches.map((batch) => api("POST", "/api/v1/events", { events: batch })),
    );
    for (const res of results) expect(res.status, JSON.stringify(res.body)).toBe(200);
    const distinct = new Map(batches.flat().map((event) => [event.event_id, event]));
    const accepted = results.reduce((sum, res) => sum + res.body.accepted, 0);
    const duplicates = results.reduce((sum, res) => sum + res.body.duplicates, 0);
    expect(accepted).toBe(distinct.size);
    expect(duplicates).toBe(16 * 100 - distinct.size);
    const expected = (id: string, name: string) =>
      [...distinct.values()].filter((e) => e.personalized_content_id === id && e.name === name).length;
    const { counters, sums } = await countersAndDailySums([a.id, b.id]);
    for (const id of [a.id, b.id]) {
      const want = {
        id,
        views: expected(id, "content_view"),
        engagement: expected(id, "content_engagement"),
        conversions: expected(id, "content_conversion"),
      };
      expect(counters.find((row) => row.id === id)).toEqual(want);
      expect(sums.find((row) => row.id === id)).toEqual(want);
    }
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: count() })
      .from(events)
      .where(like(events.event_id, `${key}-%`));
    expect(n).toBe(distinct.size);
  });

  it("stores the valid events of a partly invalid batch and rejects the others by index", async () => {
    const user = await seedUser();
    const item = await createPersonalized();
    const future = new Date(Date.now() + 10 * 60 * 1000).toISOString();
    const soon = new Date(Date.now() + 60 * 1000).toISOString();
    const res = await api("POST", "/api/v1/events", {
      events: [
        { user_id: user.id, name: "content_view", personalized_content_id: item.id },
        { user_id: user.id, name: "content_view" },
        { user_id: user.id, name: "Bad Name" },
        { user_id: MISSING, name: "signup" },
        { user_id: user.id, name: "content_view", personalized_content_id: MISSING },
        { user_id: user.id, name: "signup", occurred_at: future },
        { user_id: user.id, name: "signup", properties: { blob: "x".repeat(8 * 1024) } },
        { name: "signup" },
        { user_id: user.id, external_id: "both", name: "signup" },
        "not an object",
        { user_id: user.id, name: "signup", occurred_at: soon, properties: { plan: "pro" }, surprise: 1 },
        { user_id: user.id, name: "signup", occurred_at: soon, properties: { plan: "pro" } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.duplicates).toBe(0);
    const fields = Object.fromEntries(
      res.body.rejected.map((r: { index: number; errors: { field: string }[] }) => [
        r.index,
        r.errors[0].field,
      ]),
    );
    expect(fields).toEqual({
      1: "personalized_content_id",
      2: "name",
      3: "user_id",
      4: "personalized_content_id",
      5: "occurred_at",
      6: "properties",
      7: "user_id",
      8: "user_id",
      9: "(event)",
      10: "(event)",
    });
    expect((await storedEvents(user.id)).map((e) => e.name)).toEqual(["content_view", "signup"]);
    expect((await api("GET", `/api/v1/segments/personalized/${item.id}`)).body.view_count).toBe(1);
  });

  it("is 422 naming every event when all are invalid, and refuses an empty or oversized batch", async () => {
    const all = await api("POST", "/api/v1/events", {
      events: [{ name: "content_view", user_id: MISSING, personalized_content_id: MISSING }, { name: "x" }],
    });
    expect(all.status).toBe(422);
    expect(all.headers.get("content-type")).toContain("application/problem+json");
    const fields = all.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain("events.1.user_id");
    expect(fields.some((f: string) => f.startsWith("events.0."))).toBe(true);
    expect((await api("POST", "/api/v1/events", { events: [] })).status).toBe(422);
    const tooMany = Array.from({ length: 10_001 }, () => ({ external_id: "x", name: "ping" }));
    expect((await api("POST", "/api/v1/events", { events: tooMany })).status).toBe(422);
  });

  it("creates one bare profile for an unknown external_id, also under concurrent batches", async () => {
    const externalId = `anon-${uniqueName("visitor").replace(/\W+/g, "-")}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        api("POST", "/api/v1/events", { events: [{ external_id: externalId, name: "page.view", value: k }] }),
      ),
    );
    for (const res of results) expect(res.status, JSON.stringify(res.body)).toBe(200);
    const db = await getDb();
    const profiles = await db.select().from(users).where(eq(users.external_id, externalId));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ email: null, age: null, interests: [] });
    expect(await storedEvents(profiles[0].id)).toHaveLength(8);
  });

  it("stores 10,000 events in one request", async () => {
    const user = await seedUser();
    const item = await createPersonalized();
    const batch = Array.from({ length: 10_000 }, (_, i) => ({
      user_id: user.id,
      name: i % 10 === 0 ? "content_engagement" : "content_view",
      personalized_content_id: item.id,
      event_id: `bulk-${item.id}-${i}`,
    }));
    const res = await api("POST", "/api/v1/events", { events: batch });
    expect(res.body).toEqual({ accepted: 10_000, duplicates: 0, rejected: [] });
    expect((await api("GET", `/api/v1/segments/personalized/${item.id}`)).body).toMatchObject({
      view_count: 9_000,
      engagement_count: 1_000,
    });
  });
});
