import { describe, expect, it } from "vitest";
import { criteriaFieldsSchema } from "@/lib/criteria/api-schemas";
import { api } from "../support/api";
import { seedUsers } from "../support/seed-users";

describe("GET /api/v1/segments/criteria/fields", () => {
  it("lists fields with operators, the values present with counts, and the trait keys", async () => {
    await seedUsers([
      { location: "GB", interests: ["ai", "travel"], traits: { plan: "pro" } },
      { location: "GB", interests: ["ai"], engagement_level: "high", traits: { plan: "free", beta: true } },
      { location: "US", gender: "Female" },
    ]);
    const res = await api("GET", "/api/v1/segments/criteria/fields");
    expect(res.status).toBe(200);
    const body = criteriaFieldsSchema.parse(res.body);
    const field = (name: string) => body.fields.find((f) => f.field === name)!;
    expect(field("age")).toMatchObject({ type: "number", label: "Age" });
    expect(field("age").values).toBeUndefined();
    expect(field("location").values).toEqual([
      { value: "GB", count: 2 },
      { value: "US", count: 1 },
    ]);
    expect(field("interests")).toMatchObject({
      type: "string[]",
      operators: expect.arrayContaining(["contains_all"]),
    });
    expect(field("interests").values?.[0]).toEqual({ value: "ai", count: 2 });
    expect(field("gender").values).toEqual([{ value: "female", count: 1 }]);
    expect(field("engagement_level").values).toEqual([{ value: "high", count: 1 }]);
    expect(field("last_active_at").operators).toContain("within_last_days");
    expect(body.traits).toEqual([
      { key: "plan", count: 2 },
      { key: "beta", count: 1 },
    ]);
    expect(field("traits.plan")).toMatchObject({ type: "json" });
  });

  it("does not accept other methods", async () => {
    expect((await api("POST", "/api/v1/segments/criteria/fields", {})).status).toBe(405);
  });
});
