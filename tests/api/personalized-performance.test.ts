import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { personalizedContentSchema } from "@/lib/personalized/schemas";
import { api } from "../support/api";
import { countersAndDailySums, createPersonalized, daily, history } from "../support/performance-records";

const MISSING = "00000000-0000-4000-8000-000000000000";
const today = () => new Date().toISOString().slice(0, 10);

// Opening the database (and migrating it) can be slow on a busy machine: not part of any test's time.
beforeAll(async () => {
  await getDb();
});

describe("POST /segments/personalized/{personalized_id}/performance", () => {
  it("sets the totals as in the spec's update_content_performance, with history and today's daily row", async () => {
    const item = await createPersonalized({ variant_id: "variant_a" });
    const url = `/api/v1/segments/personalized/${item.id}/performance`;
    const res = await api("POST", url, { views: 1000, engagement: 150, conversions: 25 });
    expect(res.status).toBe(200);
    const row = personalizedContentSchema.parse(res.body);
    expect(row).toMatchObject({
      view_count: 1000,
      engagement_count: 150,
      conversion_count: 25,
      engagement_rate: 15,
    });
    expect(row.performance).toMatchObject({
      views: 1000,
      engagement: 150,
      conversions: 25,
      engagement_rate: 15,
    });
    expect(row.content).toBeDefined();

    const partial = await api("POST", url, { views: 1200 });
    expect(partial.body).toMatchObject({ view_count: 1200, engagement_count: 150, conversion_count: 25 });
    expect(partial.body.engagement_rate).toBeCloseTo(12.5, 10);
    const increment = await api("POST", url, { views: 10, engagement: 5, mode: "increment" });
    expect(increment.body).toMatchObject({ view_count: 1210, engagement_count: 155, conversion_count: 25 });
    const lower = await api("POST", url, { views: 300, engagement: 30, conversions: 3 });
    expect(lower.body).toMatchObject({
      view_count: 300,
      engagement_count: 30,
      conversion_count: 3,
      engagement_rate: 10,
    });

    expect((await history(item.id)).map((h) => [h.views, h.engagement, h.conversions])).toEqual([
      [1000, 150, 25],
      [1200, 150, 25],
      [1210, 155, 25],
      [300, 30, 3],
    ]);
    expect(await daily(item.id)).toEqual([{ day: today(), views: 300, engagements: 30, conversions: 3 }]);
  });

  it("refuses totals where engagement or conversions exceed views, naming the field, and writes nothing", async () => {
    const item = await createPersonalized();
    const url = `/api/v1/segments/personalized/${item.id}/performance`;
    await api("POST", url, { views: 100, engagement: 50, conversions: 10 });
    const engagement = await api("POST", url, { views: 100, engagement: 101 });
    expect(engagement.status).toBe(422);
    expect(engagement.body.errors).toEqual([
      expect.objectContaining({ field: "engagement", location: "body" }),
    ]);
    const views = await api("POST", url, { views: 20 });
    expect(views.status).toBe(422);
    expect(views.body.errors.map((e: any) => e.field)).toEqual(["views"]);
    const increment = await api("POST", url, { conversions: 91, mode: "increment" });
    expect(increment.status).toBe(422);
    expect(increment.body.errors).toEqual([expect.objectContaining({ field: "conversions" })]);
    expect((await api("GET", `/api/v1/segments/personalized/${item.id}`)).body).toMatchObject({
      view_count: 100,
      engagement_count: 50,
      conversion_count: 10,
      engagement_rate: 50,
    });
    expect(await history(item.id)).toHaveLength(1);
    expect(await daily(item.id)).toEqual([{ day: today(), views: 100, engagements: 50, conversions: 10 }]);
  });

  it("validates the body and the id", async () => {
    const item = await createPersonalized();
    const url = `/api/v1/segments/personalized/${item.id}/performance`;
    const bad = await api("POST", url, { views: -1, engagement: 1.5, conversions: "3", mode: "replace" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual([
      "conversions",
      "engagement",
      "mode",
      "views",
    ]);
    expect((await api("POST", url, { mode: "increment" })).status).toBe(422);
    expect((await api("POST", url, { views: 3_000_000_000 })).status).toBe(422);
    expect(
      (await api("POST", `/api/v1/segments/personalized/${MISSING}/performance`, { views: 1 })).status,
    ).toBe(404);
    const increment404 = await api("POST", `/api/v1/segments/personalized/${MISSING}/performance`, {
      views: 1,
      mode: "increment",
    });
    expect(increment404.status).toBe(404);
    expect((await api("POST", "/api/v1/segments/personalized/nope/performance", { views: 1 })).status).toBe(
      422,
    );
  });

  it("loses no count under 40 concurrent increments, nor when sets run among them", async () => {
    const item = await createPersonalized();
    const url = `/api/v1/segments/personalized/${item.id}/performance`;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api("POST", url, { views: 10, engagement: 3, conversions: i % 2, mode: "increment" }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const after = await api("GET", `/api/v1/segments/personalized/${item.id}`);
    expect(after.body).toMatchObject({
      view_count: 400,
      engagement_count: 120,
      conversion_count: 20,
      engagement_rate: 30,
    });
    expect(await history(item.id)).toHaveLength(40);
    expect(await daily(item.id)).toEqual([{ day: today(), views: 400, engagements: 120, conversions: 20 }]);

    const mixed = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 5 === 0
          ? api("POST", url, { views: 1000 + i, engagement: 100 })
          : api("POST", url, { views: 5, engagement: 1, mode: "increment" }),
      ),
    );
    expect(mixed.every((r) => r.status === 200)).toBe(true);
    const { counters, sums } = await countersAndDailySums([item.id]);
    expect(sums).toEqual(counters);
    expect(await history(item.id)).toHaveLength(70);
  });
});
