import { describe, expect, it } from "vitest";
import { estimateSchema } from "@/lib/criteria/api-schemas";
import { api } from "../support/api";
import { daysAgo, uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";

/** A tag on this test's users, so that counts do not see other tests' data in the same database. */
function scope() {
  const run = uniqueName("run");
  return { run, rule: { field: "traits.run", op: "eq", value: run } };
}

describe("POST /api/v1/segments/estimate", () => {
  it("counts the spec's tech example with normalised values and returns a sample", async () => {
    const { run, rule } = scope();
    await seedUsers([
      { age: 30, interests: ["ai"], engagement_level: "high", traits: { run } },
      { age: 44, interests: ["gadgets", "travel"], engagement_level: "high", traits: { run } },
      { age: 46, interests: ["ai"], engagement_level: "high", traits: { run } },
      { age: 30, interests: ["travel"], engagement_level: "high", traits: { run } },
      { age: 30, interests: ["ai"], engagement_level: "low", traits: { run } },
    ]);
    const res = await api("POST", "/api/v1/segments/estimate", {
      criteria: {
        age_range: [25, 45],
        interests: ["technology", "gadgets", "AI"],
        engagement_level: "HIGH",
        all: [rule],
      },
    });
    expect(res.status).toBe(200);
    const body = estimateSchema.parse(res.body);
    expect(body.estimated_size).toBe(2);
    expect(body.total_users).toBeGreaterThanOrEqual(5);
    expect(body.percentage).toBeCloseTo((2 / body.total_users) * 100, 1);
    expect(body.sample.map((u) => u.age).sort()).toEqual([30, 44]);
  });

  it("treats UK as GB, gender any as no condition, and last_active_days as a window", async () => {
    const { run, rule } = scope();
    await seedUsers([
      { location: "GB", gender: "female", last_active_at: daysAgo(2), traits: { run } },
      { location: "US", gender: "male", last_active_at: daysAgo(1), traits: { run } },
      { location: "GB", last_active_at: daysAgo(10), traits: { run } },
      { location: "DE", last_active_at: daysAgo(1), traits: { run } },
    ]);
    const res = await api("POST", "/api/v1/segments/estimate", {
      criteria: { location: ["uk", "us"], gender: "any", last_active_days: 7, all: [rule] },
    });
    expect(res.body.estimated_size).toBe(2);
    const none = await api("POST", "/api/v1/segments/estimate", {
      criteria: { location: ["JP"], all: [rule] },
    });
    expect(none.body).toMatchObject({ estimated_size: 0, sample: [] });
  });

  it("counts everyone for empty criteria, at most five in the sample", async () => {
    const { run } = scope();
    await seedUsers(Array.from({ length: 7 }, () => ({ traits: { run } })));
    const res = await api("POST", "/api/v1/segments/estimate", { criteria: {} });
    expect(res.status).toBe(200);
    expect(res.body.estimated_size).toBe(res.body.total_users);
    expect(res.body.percentage).toBe(100);
    expect(res.body.sample).toHaveLength(5);
  });

  it("answers 422 naming the path of invalid criteria", async () => {
    const res = await api("POST", "/api/v1/segments/estimate", {
      criteria: { age_range: [50, 20], any: [{ field: "shoe_size", op: "eq", value: 42 }], colour: "red" },
    });
    expect(res.status).toBe(422);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(["criteria.age_range", "criteria.any.0.field", "criteria.colour"]),
    );
  });

  it("answers 422 for a missing criteria, an unknown key and a persona that does not exist", async () => {
    expect((await api("POST", "/api/v1/segments/estimate", {})).body.errors[0].field).toBe("criteria");
    const extra = await api("POST", "/api/v1/segments/estimate", { criteria: {}, segment: 1 });
    expect(extra.status).toBe(422);
    const persona = await api("POST", "/api/v1/segments/estimate", {
      criteria: {},
      persona_id: "00000000-0000-4000-8000-000000000000",
    });
    expect(persona.status).toBe(422);
    expect(persona.body.errors[0].field).toBe("persona_id");
    expect((await api("POST", "/api/v1/segments/estimate", undefined, { rawBody: "{" })).status).toBe(400);
  });
});
