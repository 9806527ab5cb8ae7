import { describe, expect, it, vi } from "vitest";
import { criteriaFieldsSchema } from "@/lib/criteria/api-schemas";
import { CATALOGUE_FRESH_MS, CATALOGUE_MAX_STALE_MS } from "@/lib/criteria/service";
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

describe("GET /api/v1/segments/criteria/fields: freshness", () => {
  const counts = async () => {
    const res = await api("GET", "/api/v1/segments/criteria/fields");
    expect(res.status).toBe(200);
    const body = criteriaFieldsSchema.parse(res.body);
    return body.fields.find((f) => f.field === "location")?.values?.find((v) => v.value === "NZ")?.count ?? 0;
  };

  it("serves the counts it holds for 30 s, then the old ones once while it recounts behind the answer", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await seedUsers([{ location: "NZ" }]);
      // Past whatever an earlier test left in the cache: this read waits for a count that includes NZ.
      vi.setSystemTime(Date.now() + CATALOGUE_MAX_STALE_MS);
      const base = await counts();
      expect(base).toBeGreaterThanOrEqual(1);
      await seedUsers([{ location: "NZ" }, { location: "NZ" }]);
      vi.setSystemTime(Date.now() + CATALOGUE_FRESH_MS - 1_000);
      expect(await counts()).toBe(base);
      vi.setSystemTime(Date.now() + 2_000);
      // Stale: answered at once with what it held; the recount runs after the answer.
      expect(await counts()).toBe(base);
      await expect.poll(counts, { timeout: 10_000 }).toBe(base + 2);
      // Unasked for longer than the most it may lag: the caller waits for a recount.
      await seedUsers([{ location: "NZ" }]);
      vi.setSystemTime(Date.now() + CATALOGUE_MAX_STALE_MS);
      expect(await counts()).toBe(base + 3);
    } finally {
      vi.useRealTimers();
    }
  });
});
