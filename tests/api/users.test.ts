import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { segmentMembershipEvents } from "@/db/schema";
import { userPageSchema, userSchema } from "@/lib/users/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

function uniqueEmail(prefix = "user"): string {
  return `${uniqueName(prefix).replace(/[^a-z0-9-]/gi, ".")}@example.com`.toLowerCase();
}

async function createUser(overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/users", { email: uniqueEmail(), ...overrides });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /api/v1/users", () => {
  it("creates a user and stores its profile normalised", async () => {
    const email = uniqueEmail("Ada");
    const res = await api("POST", "/api/v1/users", {
      email: email.toUpperCase(),
      external_id: uniqueName("cus"),
      name: "Ada Lovelace",
      age: 36,
      location: "uk",
      gender: "Female",
      interests: [" Technology", "AI", "ai", "gadgets "],
      purchase_count: 7,
      total_spent: 249.5,
      engagement_level: "high",
      engagement_frequency: "daily",
      avg_session_duration: 420,
      last_active_at: "2026-01-02T03:04:05+01:00",
      interaction_score: 0.82,
      content_preferences: ["Videos", "videos", "Articles"],
      traits: { plan: "pro", newsletter: true },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/users/${res.body.id}`);
    const user = userSchema.parse(res.body);
    expect(user).toMatchObject({
      email,
      location: "GB",
      gender: "female",
      interests: ["technology", "ai", "gadgets"],
      content_preferences: ["videos", "articles"],
      total_spent: 249.5,
      traits: { plan: "pro", newsletter: true },
    });
    expect(new Date(user.last_active_at ?? "").toISOString()).toBe("2026-01-02T02:04:05.000Z");
    const read = await api("GET", `/api/v1/users/${user.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it("fills defaults for a minimal profile", async () => {
    const user = await createUser();
    expect(user).toMatchObject({ interests: [], content_preferences: [], traits: {}, purchase_count: 0 });
  });

  it("rejects invalid values with one error per field", async () => {
    const res = await api("POST", "/api/v1/users", {
      email: "not-an-email",
      location: "USA",
      age: 131,
      interaction_score: 1.5,
      engagement_level: "extreme",
      engagement_frequency: "hourly",
      traits: ["not", "an", "object"],
      unknown_field: 1,
    });
    expect(res.status).toBe(422);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "email",
        "location",
        "age",
        "interaction_score",
        "engagement_level",
        "engagement_frequency",
        "traits",
      ]),
    );
  });

  it("answers 409 naming the field for a taken email or external_id", async () => {
    const first = await createUser({ external_id: uniqueName("ext") });
    const email = await api("POST", "/api/v1/users", { email: first.email.toUpperCase() });
    expect(email.status).toBe(409);
    expect(email.body.errors.map((e: { field: string }) => e.field)).toEqual(["email"]);
    const external = await api("POST", "/api/v1/users", { external_id: first.external_id });
    expect(external.status).toBe(409);
    expect(external.body.errors[0].field).toBe("external_id");
  });
});

describe("GET /api/v1/users", () => {
  it("filters by location, engagement level, age range, interest and search", async () => {
    const tag = uniqueName("Filter").replace(/\s/g, "_").toLowerCase();
    const interest = `topic_${tag}`;
    await createUser({
      name: `${tag} A`,
      location: "DE",
      age: 30,
      engagement_level: "high",
      interests: [interest],
    });
    await createUser({
      name: `${tag} B`,
      location: "DE",
      age: 50,
      engagement_level: "high",
      interests: [interest],
    });
    await createUser({
      name: `${tag} C`,
      location: "FR",
      age: 30,
      engagement_level: "low",
      interests: [interest],
    });
    await createUser({ name: `${tag} D`, location: "DE", age: 30, engagement_level: "high" });
    const names = async (query: string) => {
      const res = await api("GET", `/api/v1/users?search=${encodeURIComponent(tag)}&sort=name&${query}`);
      expect(res.status).toBe(200);
      return userPageSchema.parse(res.body).items.map((u) => u.name);
    };
    expect(await names(`interest=${interest.toUpperCase()}`)).toEqual([`${tag} A`, `${tag} B`, `${tag} C`]);
    expect(await names("location=de&engagement_level=high&max_age=40")).toEqual([`${tag} A`, `${tag} D`]);
    expect(await names("min_age=45")).toEqual([`${tag} B`]);
    const page = await api(
      "GET",
      `/api/v1/users?search=${encodeURIComponent(tag)}&limit=2&offset=1&sort=name`,
    );
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.body.items.map((u: { name: string }) => u.name)).toEqual([`${tag} B`, `${tag} C`]);
  });

  it("finds one user by exact email or external_id", async () => {
    const email = uniqueEmail("Lookup");
    const externalId = uniqueName("ext");
    const user = await createUser({ email, external_id: externalId });
    // A user whose email and external_id contain the others' as substrings must not match.
    await createUser({ email: `x${email}`, external_id: `${externalId}-2` });
    const byEmail = await api("GET", `/api/v1/users?email=${encodeURIComponent(` ${email.toUpperCase()} `)}`);
    expect(byEmail.status).toBe(200);
    expect(userPageSchema.parse(byEmail.body)).toMatchObject({ total: 1, items: [{ id: user.id }] });
    const byExternal = await api("GET", `/api/v1/users?external_id=${encodeURIComponent(externalId)}`);
    expect(byExternal.body).toMatchObject({ total: 1, items: [{ id: user.id }] });
    const both = await api(
      "GET",
      `/api/v1/users?email=${encodeURIComponent(email)}&external_id=${encodeURIComponent(`${externalId}-2`)}`,
    );
    expect(both.body).toMatchObject({ total: 0, items: [] });
    const unknown = await api("GET", `/api/v1/users?external_id=${encodeURIComponent(uniqueName("nobody"))}`);
    expect(unknown.body).toMatchObject({ total: 0, items: [] });
  });

  it("rejects invalid filters", async () => {
    const res = await api("GET", "/api/v1/users?location=USA&engagement_level=extreme&min_age=x&limit=501");
    expect(res.status).toBe(422);
    const fields = res.body.errors.map((e: { field: string; location: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["location", "engagement_level", "min_age", "limit"]));
    expect(res.body.errors[0].location).toBe("query");
    const range = await api("GET", "/api/v1/users?min_age=50&max_age=20");
    expect(range.status).toBe(422);
    expect(range.body.errors[0].field).toBe("max_age");
  });
});

describe("GET, PUT, PATCH and DELETE /api/v1/users/{user_id}", () => {
  it("answers 422 for a non-UUID id and 404 for an unknown one", async () => {
    expect((await api("GET", "/api/v1/users/nope")).status).toBe(422);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await api("GET", `/api/v1/users/${unknown}`)).status).toBe(404);
    expect((await api("PATCH", `/api/v1/users/${unknown}`, { age: 3 })).status).toBe(404);
    expect((await api("DELETE", `/api/v1/users/${unknown}`)).status).toBe(404);
  });

  it("updates part of a profile with PUT and PATCH, normalising as on create", async () => {
    const user = await createUser({ name: "Before", age: 20, interests: ["travel"] });
    const put = await api("PUT", `/api/v1/users/${user.id}`, {
      location: "uk",
      interests: ["Travel", "Food"],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      name: "Before",
      age: 20,
      location: "GB",
      interests: ["travel", "food"],
    });
    const patch = await api("PATCH", `/api/v1/users/${user.id}`, { age: null, traits: { plan: "free" } });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ name: "Before", age: null, location: "GB", traits: { plan: "free" } });
    expect(new Date(patch.body.updated_at) >= new Date(user.updated_at)).toBe(true);
    expect((await api("PATCH", `/api/v1/users/${user.id}`, {})).status).toBe(422);
    expect((await api("PATCH", `/api/v1/users/${user.id}`, { id: user.id })).status).toBe(422);
    expect((await api("PATCH", `/api/v1/users/${user.id}`, { interaction_score: -0.1 })).status).toBe(422);
  });

  it("answers 409 when an update takes another user's email, and allows keeping one's own", async () => {
    const a = await createUser();
    const b = await createUser();
    const taken = await api("PATCH", `/api/v1/users/${b.id}`, { email: a.email });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].field).toBe("email");
    const same = await api("PATCH", `/api/v1/users/${b.id}`, { email: b.email, name: "Same" });
    expect(same.status).toBe(200);
  });

  it("deletes a user and its segment memberships", async () => {
    const user = await createUser();
    const segment = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Deletes"),
      criteria: {},
    });
    const member = await api("POST", `/api/v1/segments/${segment.body.id}/members/${user.id}`);
    expect(member.status).toBe(201);
    expect((await api("DELETE", `/api/v1/users/${user.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/users/${user.id}`)).status).toBe(404);
    const after = await api("GET", `/api/v1/segments/${segment.body.id}`);
    expect(after.body.member_count).toBe(0);
  });

  it("deleting a user takes it out of dynamic segments, recording a criteria leave", async () => {
    const email = uniqueEmail("leaver");
    const user = await createUser({ email, traits: { cohort: email } });
    const segment = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Follows"),
      criteria: { all: [{ field: "traits.cohort", op: "eq", value: email }] },
      membership_mode: "dynamic",
    });
    expect(segment.body.member_count).toBe(1);
    expect((await api("DELETE", `/api/v1/users/${user.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/segments/${segment.body.id}`)).body.member_count).toBe(0);
    const db = await getDb();
    const events = await db
      .select({ event: segmentMembershipEvents.event, source: segmentMembershipEvents.source })
      .from(segmentMembershipEvents)
      .where(eq(segmentMembershipEvents.segment_id, segment.body.id))
      .orderBy(asc(segmentMembershipEvents.id));
    expect(events).toEqual([
      { event: "join", source: "criteria" },
      { event: "leave", source: "criteria" },
    ]);
  });
});
