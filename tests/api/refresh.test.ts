import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { refreshResultSchema } from "@/lib/segments/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { addManualMember, eventsOf, membersOf } from "../support/memberships";
import { seedUsers } from "../support/seed-users";

async function createSegment(criteria: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Refresh"),
    criteria,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe("POST /api/v1/segments/{segment_id}/refresh", () => {
  it("adds matching users, removes those who stop matching, keeps manual members and records events", async () => {
    const run = uniqueName("run");
    const [young, old, manual] = await seedUsers([
      { age: 20, interests: ["fitness"], traits: { run } },
      { age: 60, interests: ["fitness"], traits: { run } },
      { age: 70, traits: { run } },
    ]);
    const segment = await createSegment({
      interests: ["Fitness"],
      all: [{ field: "traits.run", op: "eq", value: run }],
    });
    await addManualMember(segment.id, manual.id);

    const first = await api("POST", `/api/v1/segments/${segment.id}/refresh`);
    expect(first.status).toBe(200);
    expect(refreshResultSchema.parse(first.body)).toMatchObject({
      added: 2,
      removed: 0,
      unchanged: 1,
      member_count: 3,
    });
    const members = await membersOf(segment.id);
    const bySource = Object.fromEntries(members.map((m) => [m.user_id, m]));
    expect(bySource[manual.id].source).toBe("manual");
    expect(bySource[young.id]).toMatchObject({ source: "criteria", confidence_score: 1 });
    expect(bySource[young.id].assignment_reason).toMatchObject({
      met: expect.arrayContaining([expect.stringContaining("Interests include any of fitness")]),
      missed: [],
      values: { interests: ["fitness"] },
    });

    const db = await getDb();
    await db.update(users).set({ interests: [] }).where(eq(users.id, old.id));
    const second = await api("POST", `/api/v1/segments/${segment.id}/refresh`);
    expect(second.body).toMatchObject({ added: 0, removed: 1, unchanged: 2, member_count: 2 });
    const again = await api("POST", `/api/v1/segments/${segment.id}/refresh`);
    expect(again.body).toMatchObject({ added: 0, removed: 0, unchanged: 2, member_count: 2 });

    const events = (await eventsOf(segment.id)).map((e) => `${e.user_id} ${e.event} ${e.source}`);
    expect(events[0]).toBe(`${manual.id} join manual`);
    expect(events.slice(1, 3).sort()).toEqual(
      [`${young.id} join criteria`, `${old.id} join criteria`].sort(),
    );
    expect(events.slice(3)).toEqual([`${old.id} leave criteria`]);
    const read = await api("GET", `/api/v1/segments/${segment.id}`);
    expect(read.body.member_count).toBe((await membersOf(segment.id)).length);
  });

  it("scores partial matches under min_match and names the conditions met and missed", async () => {
    const run = uniqueName("run");
    const [all, two, one] = await seedUsers([
      { age: 30, location: "US", engagement_level: "high", traits: { run } },
      { age: 30, location: "FR", engagement_level: "high", traits: { run } },
      { age: 30, location: "FR", engagement_level: "low", traits: { run } },
    ]);
    const segment = await createSegment({
      all: [
        { field: "traits.run", op: "eq", value: run },
        { min_match: 0.6, age_range: [25, 35], location: ["US"], engagement_level: "high" },
      ],
    });
    const res = await api("POST", `/api/v1/segments/${segment.id}/refresh`);
    expect(res.body).toMatchObject({ added: 2, member_count: 2 });
    const members = Object.fromEntries((await membersOf(segment.id)).map((m) => [m.user_id, m]));
    expect(members[all.id].confidence_score).toBe(1);
    expect(members[two.id].confidence_score).toBeCloseTo(2 / 3, 10);
    expect(members[one.id]).toBeUndefined();
    expect((members[two.id].assignment_reason as { missed: string[] }).missed).toEqual([
      expect.stringContaining("Country is one of US"),
    ]);
  });

  it("serialises concurrent refreshes of one segment: member_count stays exact", async () => {
    const run = uniqueName("run");
    await seedUsers(Array.from({ length: 40 }, (_, i) => ({ age: 20 + (i % 10), traits: { run } })));
    const segment = await createSegment({
      age_range: [20, 24],
      all: [{ field: "traits.run", op: "eq", value: run }],
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => api("POST", `/api/v1/segments/${segment.id}/refresh`)),
    );
    for (const res of results) expect(res.status).toBe(200);
    expect(results.reduce((sum, res) => sum + res.body.added, 0)).toBe(20);
    const counts = results.map((r) => r.body.member_count);
    expect(Math.max(...counts)).toBe(20);
    const read = await api("GET", `/api/v1/segments/${segment.id}`);
    expect(read.body.member_count).toBe(20);
    expect(await membersOf(segment.id)).toHaveLength(20);
    const joins = (await eventsOf(segment.id)).filter((e) => e.event === "join");
    expect(joins).toHaveLength(20);
  });

  it("answers 404 for an unknown segment and 422 for a malformed id", async () => {
    expect((await api("POST", "/api/v1/segments/00000000-0000-4000-8000-000000000000/refresh")).status).toBe(
      404,
    );
    const bad = await api("POST", "/api/v1/segments/nope/refresh");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: "segment_id", location: "path" });
  });

  it("keeps member_count exact when the segment holds many criteria members", async () => {
    const run = uniqueName("run");
    const db = await getDb();
    await db.execute(
      sql`insert into users (email, age, traits)
          select ${run} || g || '@example.test', g % 80, jsonb_build_object('run', ${run}::text)
          from generate_series(1, 500) as g`,
    );
    const segment = await createSegment({
      age_range: [0, 39],
      all: [{ field: "traits.run", op: "eq", value: run }],
    });
    const res = await api("POST", `/api/v1/segments/${segment.id}/refresh`);
    expect(res.body).toMatchObject({ added: 260, removed: 0, member_count: 260 });
  });
});
