import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { segmentMembers, segmentMembershipEvents } from "@/db/schema";
import { memberPageSchema, memberSchema } from "@/lib/members/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { seedUser, seedUsers } from "../support/seed-users";

// Opening the database (and migrating it) can be slow on a busy machine: not part of any test's time.
beforeAll(async () => {
  await getDb();
});

const MISSING = "00000000-0000-4000-8000-000000000000";

async function createSegment() {
  const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Members"), criteria: {} });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function memberCount(segmentId: string) {
  const res = await api("GET", `/api/v1/segments/${segmentId}`);
  return res.body.member_count as number;
}

async function events(segmentId: string) {
  const db = await getDb();
  return db
    .select({ user_id: segmentMembershipEvents.user_id, event: segmentMembershipEvents.event })
    .from(segmentMembershipEvents)
    .where(eq(segmentMembershipEvents.segment_id, segmentId))
    .orderBy(segmentMembershipEvents.id);
}

describe("POST /segments/{segment_id}/members/{user_id}", () => {
  it("adds a member with the confidence score as a query parameter, as in the spec", async () => {
    const segment = await createSegment();
    const user = await seedUser({ age: 31, location: "US", gender: "female", engagement_level: "high" });
    const res = await api("POST", `/api/v1/segments/${segment.id}/members/${user.id}?confidence_score=0.85`);
    expect(res.status).toBe(201);
    const member = memberSchema.parse(res.body);
    expect(member).toMatchObject({
      segment_id: segment.id,
      user_id: user.id,
      confidence_score: 0.85,
      source: "manual",
    });
    expect(member.user).toEqual({
      id: user.id,
      email: user.email,
      external_id: user.external_id,
      name: user.name,
      age: 31,
      location: "US",
      gender: "female",
      engagement_level: "high",
    });
    expect(await memberCount(segment.id)).toBe(1);
    expect(await events(segment.id)).toEqual([{ user_id: user.id, event: "join" }]);
  });

  it("takes a JSON body, defaults the score to 1 and answers 200 when re-adding (score and reason updated)", async () => {
    const segment = await createSegment();
    const user = await seedUser();
    const first = await api("POST", `/api/v1/segments/${segment.id}/members/${user.id}`);
    expect(first.status).toBe(201);
    expect(first.body.confidence_score).toBe(1);
    const again = await api("POST", `/api/v1/segments/${segment.id}/members/${user.id}`, {
      confidence_score: 0.4,
      assignment_reason: { campaign: "spring" },
    });
    expect(again.status).toBe(200);
    expect(memberSchema.parse(again.body)).toMatchObject({
      id: first.body.id,
      confidence_score: 0.4,
      assignment_reason: { campaign: "spring" },
      joined_at: first.body.joined_at,
    });
    const keepsReason = await api(
      "POST",
      `/api/v1/segments/${segment.id}/members/${user.id}?confidence_score=0.5`,
    );
    expect(keepsReason.body).toMatchObject({
      confidence_score: 0.5,
      assignment_reason: { campaign: "spring" },
    });
    expect(await memberCount(segment.id)).toBe(1);
    expect(await events(segment.id)).toHaveLength(1);
  });

  it("rejects a confidence score outside [0, 1] in the query or the body, naming it", async () => {
    const segment = await createSegment();
    const user = await seedUser();
    const query = await api("POST", `/api/v1/segments/${segment.id}/members/${user.id}?confidence_score=1.5`);
    expect(query.status).toBe(422);
    expect(query.body.errors).toEqual([
      expect.objectContaining({ field: "confidence_score", location: "query" }),
    ]);
    const text = await api("POST", `/api/v1/segments/${segment.id}/members/${user.id}?confidence_score=high`);
    expect(text.status).toBe(422);
    const body = await api("POST", `/api/v1/segments/${segment.id}/members/${user.id}`, {
      confidence_score: -0.1,
    });
    expect(body.status).toBe(422);
    expect(body.body.errors).toEqual([
      expect.objectContaining({ field: "confidence_score", location: "body" }),
    ]);
    const unknownField = await api("POST", `/api/v1/segments/${segment.id}/members/${user.id}`, { score: 1 });
    expect(unknownField.status).toBe(422);
    expect(await memberCount(segment.id)).toBe(0);
  });

  it("answers 404 for a missing segment or user and 422 for ids that are not UUIDs", async () => {
    const segment = await createSegment();
    const user = await seedUser();
    const noSegment = await api("POST", `/api/v1/segments/${MISSING}/members/${user.id}`);
    expect(noSegment.status).toBe(404);
    expect(noSegment.body.detail).toContain("Segment");
    const noUser = await api("POST", `/api/v1/segments/${segment.id}/members/${MISSING}`);
    expect(noUser.status).toBe(404);
    expect(noUser.body.detail).toContain("User");
    const badUser = await api("POST", `/api/v1/segments/${segment.id}/members/not-a-uuid`);
    expect(badUser.status).toBe(422);
    expect(badUser.body.errors[0]).toMatchObject({ field: "user_id", location: "path" });
    expect((await api("POST", `/api/v1/segments/nope/members/${user.id}`)).status).toBe(422);
  });
});

describe("DELETE /segments/{segment_id}/members/{user_id}", () => {
  it("removes a member, records the leave and answers 404 the second time", async () => {
    const segment = await createSegment();
    const user = await seedUser();
    await api("POST", `/api/v1/segments/${segment.id}/members/${user.id}`);
    const res = await api("DELETE", `/api/v1/segments/${segment.id}/members/${user.id}`);
    expect(res.status).toBe(204);
    expect(await memberCount(segment.id)).toBe(0);
    expect((await events(segment.id)).map((e) => e.event)).toEqual(["join", "leave"]);
    expect((await api("DELETE", `/api/v1/segments/${segment.id}/members/${user.id}`)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/segments/${MISSING}/members/${user.id}`)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/segments/${segment.id}/members/bad`)).status).toBe(422);
    expect(await memberCount(segment.id)).toBe(0);
  });
});

describe("GET /segments/{segment_id}/members", () => {
  it("pages, sorts, filters by source and searches by email, name or external id", async () => {
    const segment = await createSegment();
    const people = await seedUsers([
      { email: "amy@list.example", name: "Amy Adams", external_id: "crm-amy" },
      { email: "bob@list.example", name: "Bob Brown", external_id: "crm-bob" },
      { email: "cat@list.example", name: "Cat Cole", external_id: "crm-cat" },
    ]);
    const scores = [0.9, 0.2, 0.5];
    for (const [i, person] of people.entries()) {
      await api("POST", `/api/v1/segments/${segment.id}/members/${person.id}?confidence_score=${scores[i]}`);
    }
    const db = await getDb();
    await db
      .update(segmentMembers)
      .set({ source: "criteria" })
      .where(and(eq(segmentMembers.segment_id, segment.id), eq(segmentMembers.user_id, people[2].id)));

    const page = await api("GET", `/api/v1/segments/${segment.id}/members?limit=2`);
    expect(page.status).toBe(200);
    const parsed = memberPageSchema.parse(page.body);
    expect(parsed).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(parsed.items.map((m) => m.user.email)).toEqual(["cat@list.example", "bob@list.example"]);

    const byScore = await api("GET", `/api/v1/segments/${segment.id}/members?sort=-confidence_score`);
    expect(byScore.body.items.map((m: any) => m.confidence_score)).toEqual([0.9, 0.5, 0.2]);
    const byEmail = await api("GET", `/api/v1/segments/${segment.id}/members?sort=email&offset=1`);
    expect(byEmail.body.items.map((m: any) => m.user.email)).toEqual([
      "bob@list.example",
      "cat@list.example",
    ]);
    const manual = await api("GET", `/api/v1/segments/${segment.id}/members?source=manual`);
    expect(manual.body.total).toBe(2);
    const criteria = await api("GET", `/api/v1/segments/${segment.id}/members?source=criteria`);
    expect(criteria.body.items.map((m: any) => m.user_id)).toEqual([people[2].id]);
    for (const search of ["BOB@", "Brown", "crm-bob"]) {
      const found = await api(
        "GET",
        `/api/v1/segments/${segment.id}/members?search=${encodeURIComponent(search)}`,
      );
      expect(
        found.body.items.map((m: any) => m.user_id),
        search,
      ).toEqual([people[1].id]);
    }
    const noMatch = await api(
      "GET",
      `/api/v1/segments/${segment.id}/members?search=${encodeURIComponent("%")}`,
    );
    expect(noMatch.body.total).toBe(0);
  });

  it("rejects bad query values and answers 404 for a missing segment", async () => {
    const segment = await createSegment();
    const bad = await api("GET", `/api/v1/segments/${segment.id}/members?sort=age&source=robot&limit=501`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(["limit", "sort", "source"]);
    expect((await api("GET", `/api/v1/segments/${MISSING}/members`)).status).toBe(404);
    expect((await api("GET", "/api/v1/segments/x/members")).status).toBe(422);
  });
});

describe("GET /segments/{segment_id}/members/export", () => {
  it("downloads the members as RFC 4180 CSV with a header row", async () => {
    const segment = await createSegment();
    const [plain, tricky] = await seedUsers([
      { name: "Plain Person" },
      { name: 'Lovelace, Ada "The Countess"', external_id: null },
    ]);
    await api("POST", `/api/v1/segments/${segment.id}/members/${plain.id}?confidence_score=0.25`);
    await api("POST", `/api/v1/segments/${segment.id}/members/${tricky.id}`);
    const res = await api("GET", `/api/v1/segments/${segment.id}/members/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const lines = (res.body as string).split("\r\n");
    expect(lines[0]).toBe("user_id,email,external_id,name,confidence_score,source,joined_at");
    expect(lines[1]).toMatch(
      new RegExp(`^${plain.id},${plain.email},${plain.external_id},Plain Person,0.25,manual,\\d{4}-`),
    );
    expect(lines[2]).toMatch(
      new RegExp(`^${tricky.id},${tricky.email},,"Lovelace, Ada ""The Countess""",1,manual,`),
    );
    expect(lines.slice(3)).toEqual([""]);
  });

  it("answers a header-only file for an empty segment and 404 for a missing one", async () => {
    const segment = await createSegment();
    const empty = await api("GET", `/api/v1/segments/${segment.id}/members/export`);
    expect(empty.body).toBe("user_id,email,external_id,name,confidence_score,source,joined_at\r\n");
    expect((await api("GET", `/api/v1/segments/${MISSING}/members/export`)).status).toBe(404);
  });

  it("streams every member of a segment larger than one page", async () => {
    const segment = await createSegment();
    const people = await seedUsers(5_200);
    const added = await api("POST", `/api/v1/segments/${segment.id}/members`, {
      user_ids: people.map((p) => p.id),
    });
    expect(added.body.added).toBe(5_200);
    const res = await api("GET", `/api/v1/segments/${segment.id}/members/export`);
    const ids = (res.body as string)
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(ids).toHaveLength(5_200);
    expect(new Set(ids)).toEqual(new Set(people.map((p) => p.id)));
  });
});

describe("membership bookkeeping", () => {
  it("keeps member_count equal to the real number of rows", async () => {
    const segment = await createSegment();
    const people = await seedUsers(4);
    for (const person of people) await api("POST", `/api/v1/segments/${segment.id}/members/${person.id}`);
    await api("DELETE", `/api/v1/segments/${segment.id}/members/${people[0].id}`);
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(segmentMembers)
      .where(eq(segmentMembers.segment_id, segment.id));
    expect(n).toBe(3);
    expect(await memberCount(segment.id)).toBe(3);
  });
});
