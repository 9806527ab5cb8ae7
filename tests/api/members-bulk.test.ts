import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bulkAddResultSchema, bulkRemoveResultSchema } from "@/lib/members/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { membershipCounts } from "../support/membership-counts";
import { seedUsers } from "../support/seed-users";

// Opening the database (and migrating it) can be slow on a busy machine: not part of any test's time.
beforeAll(async () => {
  await getDb();
});

const MISSING = "00000000-0000-4000-8000-000000000000";

async function createSegment() {
  const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Bulk"), criteria: {} });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe("POST /segments/{segment_id}/members (bulk add)", () => {
  it("adds users named by id, email and external id in one request, counting added and updated", async () => {
    const segment = await createSegment();
    const people = await seedUsers(6);
    await api("POST", `/api/v1/segments/${segment.id}/members/${people[0].id}?confidence_score=0.1`);
    const res = await api("POST", `/api/v1/segments/${segment.id}/members`, {
      user_ids: [people[0].id, people[1].id, people[1].id.toUpperCase()],
      emails: [people[2].email!.toUpperCase(), people[3].email, people[1].email],
      external_ids: [people[4].external_id],
      confidence_score: 0.7,
    });
    expect(res.status).toBe(200);
    expect(bulkAddResultSchema.parse(res.body)).toEqual({
      added: 4,
      updated: 1,
      not_found: [],
      member_count: 5,
    });
    const list = await api("GET", `/api/v1/segments/${segment.id}/members?limit=10`);
    expect(list.body.items.every((m: any) => m.confidence_score === 0.7 && m.source === "manual")).toBe(true);
    expect(await membershipCounts(segment.id)).toEqual({ stored: 5, real: 5, net: 5 });
  });

  it("fails with 422 naming unknown identifiers and adds nothing, unless skip_unknown", async () => {
    const segment = await createSegment();
    const [known] = await seedUsers(1);
    const body = {
      user_ids: [known.id, MISSING],
      emails: ["nobody@nowhere.example"],
      external_ids: ["crm-ghost"],
    };
    const strict = await api("POST", `/api/v1/segments/${segment.id}/members`, body);
    expect(strict.status).toBe(422);
    expect(strict.body.errors.map((e: any) => e.field)).toEqual(["user_ids.1", "emails.0", "external_ids.0"]);
    expect(strict.body.detail).toContain("nobody@nowhere.example");
    expect(await membershipCounts(segment.id)).toEqual({ stored: 0, real: 0, net: 0 });

    const lenient = await api("POST", `/api/v1/segments/${segment.id}/members`, {
      ...body,
      skip_unknown: true,
    });
    expect(lenient.status).toBe(200);
    expect(lenient.body).toEqual({
      added: 1,
      updated: 0,
      not_found: [MISSING, "nobody@nowhere.example", "crm-ghost"],
      member_count: 1,
    });
  });

  it("validates the body: some identifiers, at most 10,000, UUIDs, a score in [0, 1]", async () => {
    const segment = await createSegment();
    const url = `/api/v1/segments/${segment.id}/members`;
    expect((await api("POST", url, {})).status).toBe(422);
    const tooMany = await api("POST", url, {
      emails: Array.from({ length: 6_000 }, (_, i) => `a${i}@x.example`),
      external_ids: Array.from({ length: 4_001 }, (_, i) => `x${i}`),
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].message).toContain("10000");
    const badId = await api("POST", url, { user_ids: ["nope"] });
    expect(badId.body.errors[0]).toMatchObject({ field: "user_ids.0", location: "body" });
    const badScore = await api("POST", url, { user_ids: [MISSING], confidence_score: 2 });
    expect(badScore.body.errors[0].field).toBe("confidence_score");
    expect((await api("POST", url, { user_ids: [MISSING], extra: true })).status).toBe(422);
  });

  it("answers 413 for a body over the limit, 404 for a missing segment", async () => {
    const segment = await createSegment();
    const huge = await api("POST", `/api/v1/segments/${segment.id}/members`, undefined, {
      rawBody: JSON.stringify({ emails: ["x".repeat(5 * 1024 * 1024)] }),
    });
    expect(huge.status).toBe(413);
    const [user] = await seedUsers(1);
    const missing = await api("POST", `/api/v1/segments/${MISSING}/members`, { user_ids: [user.id] });
    expect(missing.status).toBe(404);
  });

  it("adds 10,000 users by email in one request", async () => {
    const segment = await createSegment();
    const people = await seedUsers(10_000);
    const started = performance.now();
    const res = await api("POST", `/api/v1/segments/${segment.id}/members`, {
      emails: people.map((p) => p.email),
    });
    const took = performance.now() - started;
    expect(res.body).toMatchObject({ added: 10_000, updated: 0, member_count: 10_000 });
    console.info(`bulk add of 10,000 by email: ${took.toFixed(0)} ms`);
    expect(await membershipCounts(segment.id)).toEqual({ stored: 10_000, real: 10_000, net: 10_000 });
    const removed = await api("POST", `/api/v1/segments/${segment.id}/members/remove`, {
      user_ids: people.slice(0, 10_000).map((p) => p.id),
    });
    expect(removed.body).toMatchObject({ removed: 10_000, member_count: 0 });
  }, 120_000);
});

describe("POST /segments/{segment_id}/members/remove (bulk remove)", () => {
  it("removes members named any way, listing identifiers that were not members", async () => {
    const segment = await createSegment();
    const people = await seedUsers(4);
    await api("POST", `/api/v1/segments/${segment.id}/members`, {
      user_ids: people.slice(0, 3).map((p) => p.id),
    });
    const res = await api("POST", `/api/v1/segments/${segment.id}/members/remove`, {
      user_ids: [people[0].id, MISSING],
      emails: [people[1].email, people[3].email],
      external_ids: [people[0].external_id],
    });
    expect(res.status).toBe(200);
    expect(bulkRemoveResultSchema.parse(res.body)).toEqual({
      removed: 2,
      not_members: [MISSING, people[3].email],
      member_count: 1,
    });
    expect(await membershipCounts(segment.id)).toEqual({ stored: 1, real: 1, net: 1 });
    const again = await api("POST", `/api/v1/segments/${segment.id}/members/remove`, {
      user_ids: [people[0].id],
    });
    expect(again.body).toEqual({ removed: 0, not_members: [people[0].id], member_count: 1 });
  });

  it("answers 404 for a missing segment and 422 for an empty or invalid body", async () => {
    const segment = await createSegment();
    expect(
      (await api("POST", `/api/v1/segments/${MISSING}/members/remove`, { user_ids: [MISSING] })).status,
    ).toBe(404);
    expect((await api("POST", `/api/v1/segments/${segment.id}/members/remove`, {})).status).toBe(422);
    expect((await api("POST", `/api/v1/segments/${segment.id}/members/remove`, { emails: "a" })).status).toBe(
      422,
    );
  });
});
