import { describe, expect, it } from "vitest";
import { bulkCreateUsersResultSchema } from "@/lib/users/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

function uniqueEmail(prefix = "user"): string {
  return `${uniqueName(prefix).replace(/[^a-z0-9-]/gi, ".")}@example.com`.toLowerCase();
}

describe("POST /api/v1/users/bulk", () => {
  it("creates many users in request order", async () => {
    const users = Array.from({ length: 1200 }, (_, i) => ({
      email: uniqueEmail(`bulk${i}`),
      location: i % 2 === 0 ? "UK" : "us",
      interests: ["Fitness"],
      age: 20 + (i % 40),
    }));
    const res = await api("POST", "/api/v1/users/bulk", { users });
    expect(res.status).toBe(201);
    const result = bulkCreateUsersResultSchema.parse(res.body);
    expect(result.created).toBe(1200);
    expect(result.items.map((u) => u.email)).toEqual(users.map((u) => u.email));
    expect(result.items[0]).toMatchObject({ location: "GB", interests: ["fitness"] });
    expect(result.items[1].location).toBe("US");
  });

  it("names users.<index>.<field> for an invalid item and creates nothing", async () => {
    const good = uniqueEmail("good");
    const res = await api("POST", "/api/v1/users/bulk", {
      users: [{ email: good }, { email: uniqueEmail(), age: -1 }],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["users.1.age"]);
    const search = await api("GET", `/api/v1/users?search=${encodeURIComponent(good)}`);
    expect(search.body.total).toBe(0);
  });

  it("answers 409 naming duplicates within the request and against existing users", async () => {
    const existing = (await api("POST", "/api/v1/users", { email: uniqueEmail("existing") })).body;
    const repeated = uniqueEmail("twice");
    const res = await api("POST", "/api/v1/users/bulk", {
      users: [{ email: repeated }, { email: existing.email }, { email: repeated.toUpperCase() }],
    });
    expect(res.status).toBe(409);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "users.1.email",
      "users.2.email",
    ]);
    const search = await api("GET", `/api/v1/users?search=${encodeURIComponent(repeated)}`);
    expect(search.body.total).toBe(0);
  });

  it("answers 409 naming an external_id that another user has, and creates nothing", async () => {
    const taken = uniqueName("crm").replace(/\W+/g, "-");
    expect((await api("POST", "/api/v1/users", { external_id: taken })).status).toBe(201);
    const fresh = uniqueEmail("fresh");
    const res = await api("POST", "/api/v1/users/bulk", {
      users: [{ email: fresh }, { email: uniqueEmail("other"), external_id: taken }],
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors).toEqual([
      {
        field: "users.1.external_id",
        location: "body",
        message: `A user with external_id ${taken} already exists`,
      },
    ]);
    const search = await api("GET", `/api/v1/users?email=${encodeURIComponent(fresh)}`);
    expect(search.body.total).toBe(0);
  });

  it("stores and answers awkward values exactly as sent (they travel as array literals)", async () => {
    const tag = uniqueName("odd").replace(/\W+/g, "-").toLowerCase();
    const odd = ['a "quoted" {brace}, comma', "back\\slash", "NULL", "  ", "é ✓ 🐘", "line\nbreak"];
    const res = await api("POST", "/api/v1/users/bulk", {
      users: [
        {
          external_id: `${tag}-"x"\\{y}`,
          email: `${tag}@example.com`,
          name: odd[0],
          interests: odd,
          content_preferences: ["{}", "NULL"],
          traits: { note: odd[1], nested: { list: odd, n: 1.5 }, 'key with "quote"': null },
          total_spent: 12.345,
          last_active_at: "2025-06-01T12:00:00.123+02:00",
        },
        { external_id: `${tag}-2`, email: null, name: null, interests: [] },
      ],
    });
    expect(res.status).toBe(201);
    const [first, second] = res.body.items;
    expect(first).toMatchObject({
      external_id: `${tag}-"x"\\{y}`,
      name: odd[0],
      interests: ['a "quoted" {brace}, comma', "back\\slash", "null", "é ✓ 🐘", "line\nbreak"],
      content_preferences: ["{}", "null"],
      traits: { note: odd[1], nested: { list: odd, n: 1.5 }, 'key with "quote"': null },
      total_spent: 12.35,
      last_active_at: "2025-06-01T10:00:00.123Z",
    });
    expect(second).toMatchObject({
      external_id: `${tag}-2`,
      email: null,
      name: null,
      interests: [],
      age: null,
    });
    const stored = await api("GET", `/api/v1/users/${first.id}`);
    expect(stored.body).toEqual(first);
  });

  it("creates 10,000 users in one request", async () => {
    const tag = uniqueName("ten-k").replace(/\W+/g, "-").toLowerCase();
    const users = Array.from({ length: 10_000 }, (_, i) => ({
      email: `${tag}-${i}@example.com`,
      external_id: `${tag}-${i}`,
      name: `Bulk ${i}`,
      age: 18 + (i % 60),
      location: ["US", "GB", "DE", "FR", "IN"][i % 5],
      interests: ["technology", "travel", "fitness"].slice(0, 1 + (i % 3)),
      engagement_level: ["low", "medium", "high"][i % 3],
      traits: { plan: i % 2 === 0 ? "pro" : "free" },
    }));
    const started = performance.now();
    const res = await api("POST", "/api/v1/users/bulk", { users });
    console.info(`bulk create of 10,000 users took ${Math.round(performance.now() - started)} ms`);
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(10_000);
    expect(res.body.items[9_999].external_id).toBe(`${tag}-9999`);
    const listed = await api("GET", `/api/v1/users?search=${encodeURIComponent(tag)}&limit=1`);
    expect(listed.body.total).toBe(10_000);
  });

  it("rejects an empty list and more than 10,000 users", async () => {
    expect((await api("POST", "/api/v1/users/bulk", { users: [] })).status).toBe(422);
    const tooMany = await api("POST", "/api/v1/users/bulk", {
      users: Array.from({ length: 10_001 }, () => ({})),
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].field).toBe("users");
  });
});
