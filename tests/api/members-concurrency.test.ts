import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db/client";
import { segmentMembershipEvents, users } from "@/db/schema";
import { removeUserFromAllSegments } from "@/lib/members/queries";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { membershipCounts } from "../support/membership-counts";
import { seedUsers } from "../support/seed-users";

// Opening the database (and migrating it) can be slow on a busy machine: not part of any test's time.
beforeAll(async () => {
  await getDb();
});

async function createSegment() {
  const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Concurrent"), criteria: {} });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe("member_count under concurrency", () => {
  it("stays exact with 50 concurrent single adds and removes", async () => {
    const segment = await createSegment();
    const people = await seedUsers(50);
    const base = `/api/v1/segments/${segment.id}/members`;
    for (const person of people.slice(0, 25)) await api("POST", `${base}/${person.id}`);
    const results = await Promise.all([
      ...people.slice(25).map((p) => api("POST", `${base}/${p.id}?confidence_score=0.5`)),
      ...people.slice(0, 25).map((p) => api("DELETE", `${base}/${p.id}`)),
      // Races against the removals above: each ends either a member or not, never half-counted.
      ...people.slice(0, 10).map((p) => api("POST", `${base}/${p.id}`)),
      ...people.slice(30, 40).map((p) => api("DELETE", `${base}/${p.id}`)),
    ]);
    for (const res of results) expect([200, 201, 204, 404]).toContain(res.status);
    const result = await membershipCounts(segment.id);
    expect(result.stored).toBe(result.real);
    expect(result.net).toBe(result.real);
    expect(result.real).toBeGreaterThanOrEqual(15);
  });

  it("stays exact with concurrent overlapping bulk adds and removes", async () => {
    const segment = await createSegment();
    const people = await seedUsers(600);
    const ids = people.map((p) => p.id);
    const base = `/api/v1/segments/${segment.id}/members`;
    const adds = [0, 100, 200, 300, 400].map((start) =>
      api("POST", base, { user_ids: ids.slice(start, start + 200), confidence_score: 0.6 }),
    );
    const results = await Promise.all(adds);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.reduce((sum, r) => sum + r.body.added, 0)).toBe(600);
    expect(await membershipCounts(segment.id)).toEqual({ stored: 600, real: 600, net: 600 });

    const mixed = await Promise.all([
      api("POST", `${base}/remove`, { user_ids: ids.slice(0, 300) }),
      api("POST", `${base}/remove`, { user_ids: ids.slice(150, 450) }),
      api("POST", base, { user_ids: ids.slice(100, 200) }),
      api("POST", base, { emails: people.slice(250, 350).map((p) => p.email) }),
    ]);
    expect(mixed.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const result = await membershipCounts(segment.id);
    expect(result.stored).toBe(result.real);
    expect(result.net).toBe(result.real);
    expect(result.real).toBeGreaterThanOrEqual(150);
  });
});

describe("removeUserFromAllSegments", () => {
  it("takes the users out of every segment with leave events and exact member counts", async () => {
    const [first, second] = [await createSegment(), await createSegment()];
    const people = await seedUsers(5);
    const ids = people.map((p) => p.id);
    await api("POST", `/api/v1/segments/${first.id}/members`, { user_ids: ids });
    await api("POST", `/api/v1/segments/${second.id}/members`, { user_ids: ids.slice(0, 2) });
    await transaction((tx) => removeUserFromAllSegments([ids[0], ids[1], ids[4]], tx));
    expect(await membershipCounts(first.id)).toEqual({ stored: 2, real: 2, net: 2 });
    expect(await membershipCounts(second.id)).toEqual({ stored: 0, real: 0, net: 0 });
    const db = await getDb();
    const leaves = await db
      .select({ segment_id: segmentMembershipEvents.segment_id, user_id: segmentMembershipEvents.user_id })
      .from(segmentMembershipEvents)
      .where(
        and(
          eq(segmentMembershipEvents.event, "leave"),
          inArray(segmentMembershipEvents.segment_id, [first.id, second.id]),
        ),
      );
    expect(leaves).toHaveLength(5);
    expect(new Set(leaves.map((l) => l.user_id))).toEqual(new Set([ids[0], ids[1], ids[4]]));
    await transaction((tx) => removeUserFromAllSegments([], tx));
    await transaction((tx) => removeUserFromAllSegments([ids[0]], tx));
    expect(await membershipCounts(first.id)).toEqual({ stored: 2, real: 2, net: 2 });
  });

  it("keeps counts exact when users are deleted while members are being added", async () => {
    const [first, second] = [await createSegment(), await createSegment()];
    const people = await seedUsers(60);
    const ids = people.map((p) => p.id);
    const doomed = ids.slice(0, 20);
    await api("POST", `/api/v1/segments/${first.id}/members`, { user_ids: ids.slice(0, 30) });
    await api("POST", `/api/v1/segments/${second.id}/members`, { user_ids: ids.slice(10, 40) });
    const deleteUser = (id: string) =>
      transaction(async (tx) => {
        await removeUserFromAllSegments([id], tx);
        await tx.delete(users).where(eq(users.id, id));
      });
    const results = await Promise.allSettled([
      ...doomed.map(deleteUser),
      ...doomed.slice(0, 10).map((id) => api("POST", `/api/v1/segments/${second.id}/members/${id}`)),
      api("POST", `/api/v1/segments/${first.id}/members`, { user_ids: ids.slice(30, 60) }),
      api("POST", `/api/v1/segments/${second.id}/members/remove`, { user_ids: ids.slice(35, 40) }),
    ]);
    for (const result of results) {
      expect(result.status).toBe("fulfilled");
      if (result.status === "fulfilled" && result.value)
        expect([200, 201, 404]).toContain(result.value.status);
    }
    const db = await getDb();
    expect(await db.select().from(users).where(inArray(users.id, doomed))).toEqual([]);
    for (const segment of [first, second]) {
      const result = await membershipCounts(segment.id);
      expect(result.stored).toBe(result.real);
      expect(result.net).toBe(result.real);
    }
    expect((await membershipCounts(first.id)).real).toBe(40);
  });
});
