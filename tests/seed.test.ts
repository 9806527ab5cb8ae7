import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { generateDemoData, seedDemoDataIfEmpty } from "@/db/seed/demo";
import { SPEC_CONTENT_ID, SPEC_PERSONA_ID } from "@/db/seed/demo-catalog";
import { criteriaSchema } from "@/lib/criteria/schema";
import { userPageSchema } from "@/lib/users/schemas";
import { api } from "./support/api";

const count = async (query: ReturnType<typeof sql>) => {
  const [row] = await queryRows<{ n: number }>(await getDb(), query);
  return Number(row.n);
};

// A few seconds on an idle machine; a busy CI machine gets a generous timeout instead of a time bound.
beforeAll(async () => {
  const db = await getDb();
  const started = performance.now();
  expect(await seedDemoDataIfEmpty(db)).toBe(true);
  console.info(`demo seed took ${Math.round(performance.now() - started)} ms`);
}, 180_000);

describe("demo data", () => {
  it("contains the spec's persona and content ids", async () => {
    expect((await api("GET", `/api/v1/personas/${SPEC_PERSONA_ID}`)).status).toBe(200);
    const item = await api("GET", `/api/v1/content/${SPEC_CONTENT_ID}`);
    expect(item.status).toBe(200);
    expect(item.body.persona_id).toBe(SPEC_PERSONA_ID);
    expect(await count(sql`select count(*) as n from personas`)).toBeGreaterThanOrEqual(3);
    const types = await queryRows<{ content_type: string }>(
      await getDb(),
      sql`select distinct content_type from content`,
    );
    expect(types.map((t) => t.content_type)).toEqual(expect.arrayContaining(["article", "video", "email"]));
  });

  it("has about 5,000 valid, normalised, varied users", async () => {
    expect(await count(sql`select count(*) as n from users`)).toBe(5_000);
    expect(await count(sql`select count(distinct email) as n from users`)).toBe(5_000);
    expect(
      await count(sql`select count(*) as n from users where email <> lower(email) or location = 'UK'`),
    ).toBe(0);
    const countries = await queryRows<{ location: string }>(
      await getDb(),
      sql`select distinct location from users`,
    );
    expect(countries.map((c) => c.location)).toEqual(
      expect.arrayContaining(["US", "CA", "GB", "DE", "FR", "IN", "BR", "AU"]),
    );
    for (const interest of [
      "technology",
      "gadgets",
      "ai",
      "fitness",
      "wellness",
      "nutrition",
      "travel",
      "fashion",
    ]) {
      expect(
        await count(sql`select count(*) as n from users where interests @> array[${interest}]::text[]`),
      ).toBeGreaterThan(100);
    }
    const spread = await queryRows<{ days: number }>(
      await getDb(),
      sql`select extract(epoch from max(last_active_at) - min(last_active_at)) / 86400 as days from users`,
    );
    expect(Number(spread[0].days)).toBeGreaterThan(80);
    expect(await count(sql`select count(*) as n from users where traits->>'plan' = 'pro'`)).toBeGreaterThan(
      500,
    );
    const page = await api("GET", "/api/v1/users?limit=500");
    expect(userPageSchema.parse(page.body).items).toHaveLength(500);
  });

  it("has segments across the four strategies with valid criteria and exact member counts", async () => {
    const segments = (await api("GET", "/api/v1/segments?limit=100")).body.items;
    expect(segments.length).toBeGreaterThanOrEqual(4);
    expect(segments.length).toBeLessThanOrEqual(6);
    expect(new Set(segments.map((s: { strategy: string }) => s.strategy))).toEqual(
      new Set(["demographic", "behavioral", "engagement", "hybrid"]),
    );
    expect(segments.some((s: { segment_name: string }) => s.segment_name === "Tech Enthusiasts")).toBe(false);
    for (const segment of segments) {
      expect(criteriaSchema.safeParse(segment.criteria).success, segment.segment_name).toBe(true);
      const estimate = await api("POST", "/api/v1/segments/estimate", { criteria: segment.criteria });
      expect(segment.estimated_size, segment.segment_name).toBe(estimate.body.estimated_size);
      expect(segment.estimated_size).toBeGreaterThan(0);
      const members = await count(
        sql`select count(*) as n from segment_members where segment_id = ${segment.id}`,
      );
      expect(members, segment.segment_name).toBe(segment.member_count);
      expect(members).toBeGreaterThan(50);
      const net = await count(
        sql`select sum(case event when 'join' then 1 else -1 end) as n
          from segment_membership_events where segment_id = ${segment.id}`,
      );
      expect(net, `${segment.segment_name} joins - leaves`).toBe(members);
      const leaves = await count(
        sql`select count(*) as n from segment_membership_events where segment_id = ${segment.id} and event = 'leave'`,
      );
      expect(leaves).toBeGreaterThan(0);
      const revisions = await api("GET", `/api/v1/segments/${segment.id}/revisions`);
      expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([1]);
      expect(revisions.body.items[0].definition.criteria).toEqual(segment.criteria);
    }
    const span = await queryRows<{ days: number }>(
      await getDb(),
      sql`select extract(epoch from max(occurred_at) - min(occurred_at)) / 86400 as days from segment_membership_events`,
    );
    expect(Number(span[0].days)).toBeGreaterThan(35);
    const filtered = await api("GET", `/api/v1/segments?persona_id=${SPEC_PERSONA_ID}&strategy=behavioral`);
    expect(filtered.body.total).toBeGreaterThan(0);
  });

  it("has daily performance and history that add up to each item's totals", async () => {
    const items = await queryRows<{
      id: string;
      view_count: number;
      engagement_count: number;
      conversion_count: number;
      engagement_rate: number;
      days: number;
      views: number;
      engagements: number;
      conversions: number;
      bad_days: number;
      last_views: number;
      last_engagement: number;
      last_conversions: number;
      last_rate: number;
    }>(
      await getDb(),
      sql`select pc.id, pc.view_count, pc.engagement_count, pc.conversion_count, pc.engagement_rate,
          d.days, d.views, d.engagements, d.conversions, d.bad_days,
          h.view_count as last_views, h.engagement_count as last_engagement,
          h.conversion_count as last_conversions, h.engagement_rate as last_rate
        from personalized_content pc
        join lateral (
          select count(*)::int as days, sum(views)::int as views, sum(engagements)::int as engagements,
            sum(conversions)::int as conversions,
            count(*) filter (where engagements > views or conversions > views)::int as bad_days
          from content_performance_daily where personalized_content_id = pc.id) d on true
        join lateral (
          select * from content_performance_history where personalized_content_id = pc.id
          order by recorded_at desc limit 1) h on true`,
    );
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) {
      expect(item.days).toBeGreaterThanOrEqual(42);
      expect(item.bad_days).toBe(0);
      expect([item.views, item.engagements, item.conversions]).toEqual([
        item.view_count,
        item.engagement_count,
        item.conversion_count,
      ]);
      expect([item.last_views, item.last_engagement, item.last_conversions]).toEqual([
        item.view_count,
        item.engagement_count,
        item.conversion_count,
      ]);
      expect(item.engagement_rate).toBeCloseTo((item.engagement_count / item.view_count) * 100, 6);
      expect(item.last_rate).toBeCloseTo(item.engagement_rate, 6);
    }
    expect(
      await count(sql`select count(*) as n from content_performance_history where recorded_at > now()`),
    ).toBe(0);
  });

  it("has an A/B test where variant_a clearly beats the control and variant_b does not", async () => {
    const arms = await queryRows<{
      variant_id: string;
      is_control: boolean;
      views: number;
      conversions: number;
    }>(
      await getDb(),
      sql`select variant_id, is_control, view_count as views, conversion_count as conversions
        from personalized_content where variant_id is not null order by variant_id`,
    );
    expect(arms.map((a) => a.variant_id)).toEqual(["control", "variant_a", "variant_b"]);
    const [control, a, b] = arms;
    expect(control.is_control).toBe(true);
    const z = (arm: typeof control) => {
      const p1 = control.conversions / control.views;
      const p2 = arm.conversions / arm.views;
      const pooled = (control.conversions + arm.conversions) / (control.views + arm.views);
      return (p2 - p1) / Math.sqrt(pooled * (1 - pooled) * (1 / control.views + 1 / arm.views));
    };
    for (const arm of arms) expect(arm.views).toBeGreaterThan(3_000);
    expect(z(a)).toBeGreaterThan(3);
    expect(Math.abs(z(b))).toBeLessThan(1);
  });

  it("is deterministic and never uses Math.random", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const spy = vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random used");
    });
    try {
      expect(generateDemoData(now)).toEqual(generateDemoData(now));
    } finally {
      spy.mockRestore();
    }
  });

  it("does nothing when seeded again", async () => {
    const before = await count(
      sql`select (select count(*) from users) + (select count(*) from segment_members) as n`,
    );
    expect(await seedDemoDataIfEmpty(await getDb())).toBe(false);
    const after = await count(
      sql`select (select count(*) from users) + (select count(*) from segment_members) as n`,
    );
    expect(after).toBe(before);
  });
});

describe("demo data through the API", () => {
  // Responses are checked against their documented schemas: seed rows that drift from what the API writes
  // would answer 500 on the dashboard's own pages.
  it("serves every demo segment's pages without an error", async () => {
    const segments = await api("GET", "/api/v1/segments/?limit=100");
    expect(segments.status).toBe(200);
    expect(segments.body.items.length).toBeGreaterThan(0);
    for (const { id } of segments.body.items as { id: string }[]) {
      for (const path of [
        `/api/v1/segments/${id}`,
        `/api/v1/segments/personalized?segment_id=${id}`,
        `/api/v1/segments/${id}/experiment`,
        `/api/v1/segments/${id}/experiment/timeline`,
        `/api/v1/segments/${id}/analytics`,
        `/api/v1/segments/${id}/members?limit=5`,
        `/api/v1/segments/${id}/revisions`,
      ]) {
        const res = await api("GET", path);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
      }
    }
  }, 120_000);
});
