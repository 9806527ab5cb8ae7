import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db/client";
import { users } from "@/db/schema";
import { runJobOnce } from "@/lib/scheduler/scheduler";
import { refreshTimeDependentSegments, segmentFreshnessJob } from "@/lib/segments/freshness-job";
import { api } from "./support/api";
import { uniqueName } from "./support/factories";
import { eventsOf, membersOf } from "./support/memberships";
import { seedUser, seedUsers } from "./support/seed-users";

// Issue 13: event conditions end to end, profiles that follow events, dynamic segments kept fresh by
// ingestion and by the scheduled pass (the tests hand it the clock), and segments of segments.

const DAY = 86_400_000;
const scoped = (run: string) => ({ field: "traits.run", op: "eq", value: run });

async function createSegment(criteria: Record<string, unknown>, mode: "dynamic" | "manual" = "dynamic") {
  const res = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Behavior"),
    criteria,
    membership_mode: mode,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; member_count: number; fresh_as_of: string | null };
}

async function send(events: Record<string, unknown>[]) {
  const res = await api("POST", "/api/v1/events", { events });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { accepted: number; duplicates: number };
}

async function profile(id: string) {
  const [row] = await (await getDb()).select().from(users).where(eq(users.id, id));
  return row;
}

const memberIds = async (segmentId: string) => (await membersOf(segmentId)).map((m) => m.user_id).sort();

describe("profiles follow events", () => {
  it("counts purchases and their value, moves last_active_at forward only, and never counts a duplicate", async () => {
    const user = await seedUser({
      purchase_count: 2,
      total_spent: 10,
      last_active_at: new Date("2026-01-01T00:00:00Z"),
    });
    const first = await send([
      {
        user_id: user.id,
        name: "purchase",
        value: 40.5,
        event_id: `${user.id}-1`,
        occurred_at: "2026-02-01T00:00:00Z",
      },
      { user_id: user.id, name: "purchase", event_id: `${user.id}-2`, occurred_at: "2026-01-15T00:00:00Z" },
      { user_id: user.id, name: "page_view", occurred_at: "2026-03-01T00:00:00Z" },
      // Repeated in the same batch: a duplicate.
      { user_id: user.id, name: "purchase", value: 99, event_id: `${user.id}-1` },
    ]);
    expect(first).toMatchObject({ accepted: 3, duplicates: 1 });
    let p = await profile(user.id);
    expect(p.purchase_count).toBe(4);
    expect(Number(p.total_spent)).toBe(50.5);
    expect(p.last_active_at?.toISOString()).toBe("2026-03-01T00:00:00.000Z");

    // Sent again in a later batch: stored once, counted once. An older event leaves last_active_at alone.
    const again = await send([
      { user_id: user.id, name: "purchase", value: 40.5, event_id: `${user.id}-1` },
      { user_id: user.id, name: "page_view", occurred_at: "2026-02-10T00:00:00Z" },
    ]);
    expect(again).toMatchObject({ accepted: 1, duplicates: 1 });
    p = await profile(user.id);
    expect(p.purchase_count).toBe(4);
    expect(Number(p.total_spent)).toBe(50.5);
    expect(p.last_active_at?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("gives a bare profile its first activity and rejects a purchase value total_spent cannot hold", async () => {
    const external = uniqueName("ext").replace(/\W+/g, "-");
    const res = await api("POST", "/api/v1/events", {
      events: [
        { external_id: external, name: "purchase", value: 12, occurred_at: "2026-04-01T10:00:00Z" },
        { external_id: external, name: "purchase", value: -5 },
        { external_id: external, name: "purchase", value: 2e9 },
      ],
    });
    expect(res.status).toBe(200);
    expect(
      res.body.rejected.map((r: { index: number; errors: { field: string }[] }) => [
        r.index,
        r.errors[0].field,
      ]),
    ).toEqual([
      [1, "value"],
      [2, "value"],
    ]);
    const [row] = await (await getDb()).select().from(users).where(eq(users.external_id, external));
    expect(row).toMatchObject({ purchase_count: 1 });
    expect(Number(row.total_spent)).toBe(12);
    expect(row.last_active_at?.toISOString()).toBe("2026-04-01T10:00:00.000Z");
  });
});

describe("always fresh: ingestion re-evaluates the batch's users", () => {
  it("moves users into and out of the dynamic segments that mention the events or the fields they change", async () => {
    const run = uniqueName("run");
    const [buyer, other] = await seedUsers([{ traits: { run } }, { traits: { run } }]);
    const twice = await createSegment({ event: { name: "purchase", count: { gte: 2 } }, all: [scoped(run)] });
    const spender = await createSegment({ purchase_history: { total_spent_min: 100 }, all: [scoped(run)] });
    const never = await createSegment({ event: { name: "refund", count: { eq: 0 } }, all: [scoped(run)] });
    expect(twice.member_count).toBe(0);
    expect(never.member_count).toBe(2);

    await send([{ user_id: buyer.id, name: "purchase", value: 60 }]);
    expect(await memberIds(twice.id)).toEqual([]);
    await send([
      { user_id: buyer.id, name: "purchase", value: 60 },
      { user_id: other.id, name: "refund" },
    ]);
    expect(await memberIds(twice.id)).toEqual([buyer.id]);
    expect(await memberIds(spender.id)).toEqual([buyer.id]);
    expect(await memberIds(never.id)).toEqual([buyer.id]);
    const joined = (await membersOf(twice.id))[0];
    expect(joined.source).toBe("criteria");
    expect(joined.assignment_reason).toMatchObject({ values: { "event.purchase.count": 2 } });
    expect((await api("GET", `/api/v1/segments/${twice.id}`)).body.member_count).toBe(1);
    expect((await api("GET", `/api/v1/segments/${never.id}`)).body.member_count).toBe(1);
    expect((await eventsOf(never.id)).map((e) => [e.user_id, e.event])).toContainEqual([other.id, "leave"]);

    // explain shows what was measured.
    const explained = await api("GET", `/api/v1/segments/${twice.id}/explain/${buyer.id}`);
    expect(explained.body.conditions[0]).toMatchObject({ path: "event", passed: true, actual: 2 });
  });

  it("keeps counts exact when batches for the same users arrive concurrently", async () => {
    const run = uniqueName("run");
    const people = await seedUsers(Array.from({ length: 4 }, () => ({ traits: { run } })));
    const segment = await createSegment({ event: { name: "visit", count: { gte: 3 } }, all: [scoped(run)] });
    await Promise.all(
      Array.from({ length: 6 }, (_, batch) =>
        send(people.map((u, i) => ({ user_id: u.id, name: "visit", event_id: `${run}-${i}-${batch % 3}` }))),
      ),
    );
    expect(await memberIds(segment.id)).toEqual(people.map((u) => u.id).sort());
    expect((await api("GET", `/api/v1/segments/${segment.id}`)).body.member_count).toBe(4);
  });
});

describe("always fresh: the scheduled pass", () => {
  it("moves only the users who crossed a time boundary and stamps fresh_as_of", async () => {
    const run = uniqueName("run");
    const now = Date.now();
    const [recent, older, idle] = await seedUsers([
      { traits: { run }, last_active_at: new Date(now - 1 * DAY) },
      { traits: { run }, last_active_at: new Date(now - 5 * DAY) },
      { traits: { run } },
    ]);
    const active = await createSegment({ last_active_days: 7, all: [scoped(run)] });
    const viewers = await createSegment({
      event: { name: "view", within_days: 3, count: { gte: 1 } },
      all: [scoped(run)],
    });
    const timeless = await createSegment({ event: { name: "view", count: { gte: 1 } }, all: [scoped(run)] });
    await send([{ user_id: idle.id, name: "view", occurred_at: new Date(now - 2 * DAY).toISOString() }]);
    expect(await memberIds(active.id)).toEqual([recent.id, older.id, idle.id].sort());
    expect(await memberIds(viewers.id)).toEqual([idle.id]);
    const before = (await api("GET", `/api/v1/segments/${active.id}`)).body.fresh_as_of;
    expect(before).not.toBeNull();

    // Three days on: `older` (8 days) left the last 7 days, the view (5 days) left the last 3.
    const later = new Date(now + 3 * DAY);
    const pass = await transaction((tx) => refreshTimeDependentSegments(tx, later));
    expect(pass).toMatchObject({ refreshed: 2, added: 0, removed: 2 });
    expect(await memberIds(active.id)).toEqual([recent.id, idle.id].sort());
    expect(await memberIds(viewers.id)).toEqual([]);
    expect(await memberIds(timeless.id)).toEqual([idle.id]);
    for (const segment of [active, viewers, timeless]) {
      const body = (await api("GET", `/api/v1/segments/${segment.id}`)).body;
      expect(body.fresh_as_of).toBe(later.toISOString());
    }
    // A second pass at the same time finds nothing to move.
    expect(await transaction((tx) => refreshTimeDependentSegments(tx, later))).toMatchObject({
      added: 0,
      removed: 0,
    });
    // The job runs through the scheduler's lock, one runner at a time.
    expect(await runJobOnce(segmentFreshnessJob(() => later))).toBe("ran");
  });
});

describe("segments of segments", () => {
  it("selects the members of another segment, negated too, and answers 422 for a cycle or a missing segment", async () => {
    const run = uniqueName("run");
    const [a, b] = await seedUsers([
      { age: 20, traits: { run } },
      { age: 50, traits: { run } },
    ]);
    const young = await createSegment({ age_range: [18, 30], all: [scoped(run)] });
    const notYoung = await createSegment({ not: { in_segment: young.id }, all: [scoped(run)] });
    const youngToo = await createSegment({ in_segment: young.id });
    expect(await memberIds(notYoung.id)).toEqual([b.id]);
    expect(await memberIds(youngToo.id)).toEqual([a.id]);

    const cycle = await api("PATCH", `/api/v1/segments/${young.id}`, {
      criteria: { age_range: [18, 30], all: [scoped(run), { in_segment: youngToo.id }] },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors).toEqual([
      expect.objectContaining({
        field: "criteria.all.1.in_segment",
        message: expect.stringContaining("cycle"),
      }),
    ]);
    const self = await api("PATCH", `/api/v1/segments/${young.id}`, { criteria: { in_segment: young.id } });
    expect(self.status).toBe(422);
    expect(self.body.errors[0].field).toBe("criteria.in_segment");
    const missing = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Missing"),
      criteria: { any: [{ in_segment: "00000000-0000-4000-8000-000000000000" }] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe("criteria.any.0.in_segment");
  });
});

describe("segments of segments stay fresh", () => {
  it("follow a referenced segment's joins and leaves in the same request, through a chain of references", async () => {
    const run = uniqueName("run");
    const [buyer, browser] = await seedUsers([{ traits: { run } }, { traits: { run } }]);
    const buyers = await createSegment({
      event: { name: "purchase", count: { gte: 1 } },
      all: [scoped(run)],
    });
    // Refers to `buyers` only: no event name of its own, so ingestion reaches it through the reference.
    const notBuyers = await createSegment({ not: { in_segment: buyers.id }, all: [scoped(run)] });
    const notBuyersToo = await createSegment({ in_segment: notBuyers.id });
    expect(await memberIds(notBuyers.id)).toEqual([buyer.id, browser.id].sort());
    expect(await memberIds(notBuyersToo.id)).toEqual([buyer.id, browser.id].sort());

    await send([{ user_id: buyer.id, name: "purchase", value: 12 }]);
    expect(await memberIds(buyers.id)).toEqual([buyer.id]);
    expect(await memberIds(notBuyers.id)).toEqual([browser.id]);
    expect(await memberIds(notBuyersToo.id)).toEqual([browser.id]);
    const counts = await Promise.all(
      [buyers, notBuyers, notBuyersToo].map(
        async (s) => (await api("GET", `/api/v1/segments/${s.id}`)).body.member_count,
      ),
    );
    expect(counts).toEqual([1, 1, 1]);
    expect((await eventsOf(notBuyersToo.id)).filter((e) => e.event === "leave")).toHaveLength(1);
  });

  it("follow a time-dependent segment at the scheduled pass, after it", async () => {
    const run = uniqueName("run");
    const now = Date.now();
    const [recent, older] = await seedUsers([
      { traits: { run }, last_active_at: new Date(now - 1 * DAY) },
      { traits: { run }, last_active_at: new Date(now - 5 * DAY) },
    ]);
    const active = await createSegment({ last_active_days: 7, all: [scoped(run)] });
    const lapsed = await createSegment({ not: { in_segment: active.id }, all: [scoped(run)] });
    expect(await memberIds(lapsed.id)).toEqual([]);
    // Three days on, `older` leaves `active` at the pass, and so joins `lapsed` in the same pass.
    await transaction((tx) => refreshTimeDependentSegments(tx, new Date(now + 3 * DAY)));
    expect(await memberIds(active.id)).toEqual([recent.id]);
    expect(await memberIds(lapsed.id)).toEqual([older.id]);
  });
});

describe("estimate and field catalogue", () => {
  it("estimates event conditions and lists the event names seen with their counts", async () => {
    const run = uniqueName("run");
    const name = `bought-${Math.random().toString(36).slice(2, 8)}`;
    const [u1, u2] = await seedUsers([{ traits: { run } }, { traits: { run } }, { traits: { run } }]);
    await send([
      { user_id: u1.id, name, value: 5 },
      { user_id: u1.id, name, value: 7 },
      { user_id: u2.id, name, value: 1 },
    ]);
    const estimate = async (event: Record<string, unknown>) =>
      (await api("POST", "/api/v1/segments/estimate", { criteria: { event, all: [scoped(run)] } })).body
        .estimated_size;
    expect(await estimate({ name, count: { gte: 1 } })).toBe(2);
    expect(await estimate({ name, count: { eq: 0 } })).toBe(1);
    expect(await estimate({ name, sum: { of: "value", gt: 10 } })).toBe(1);
    expect(await estimate({ name, max: { of: "value", lt: 100 } })).toBe(2);
    const fields = await api("GET", "/api/v1/segments/criteria/fields");
    expect(fields.body.events).toContainEqual({ name, count: 3 });
    // Sums are exact: 0.7 + 0.1 is 0.7999999999999999 in floating point.
    const tip = `tip-${Math.random().toString(36).slice(2, 8)}`;
    await send([
      { user_id: u1.id, name: tip, value: 0.7 },
      { user_id: u1.id, name: tip, value: 0.1 },
    ]);
    expect(await estimate({ name: tip, sum: { of: "value", gte: 0.8 } })).toBe(1);
    expect(await estimate({ name: tip, sum: { of: "value", eq: 0.8 } })).toBe(1);
    expect(await estimate({ name: tip, avg: { of: "value", eq: 0.4 } })).toBe(1);
  });
});
