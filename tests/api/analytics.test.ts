import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceSegments, users } from "@/db/schema";
import { segmentAnalyticsSchema } from "@/lib/analytics/schemas";
import {
  addMembers,
  createSegmentFixture,
  dayString,
  daysAgo,
  insertDailyPerformance,
  insertPersonalizedContent,
  insertUsers,
  removeMembers,
  setCounters,
} from "../support/analytics-fixtures";
import { api } from "../support/api";

const MISSING = "00000000-0000-4000-8000-000000000000";

async function getAnalytics(segmentId: string, query = "") {
  const res = await api("GET", `/api/v1/segments/${segmentId}/analytics${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return segmentAnalyticsSchema.parse(res.body);
}

/** A segment with a known history: 3 joins 5 days ago, 2 joins 2 days ago, 1 leave yesterday; 4 items of content. */
async function fixtureSegment() {
  const segment = await createSegmentFixture();
  const people = await insertUsers(5);
  await addMembers(segment.id, people.slice(0, 3), daysAgo(5));
  await addMembers(segment.id, people.slice(3), daysAgo(2));
  await removeMembers(segment.id, [people[0]], daysAgo(1));
  const a = await insertPersonalizedContent(segment.id, {
    title: "Article A",
    views: 1000,
    engagement: 150,
    conversions: 25,
  });
  const b = await insertPersonalizedContent(segment.id, {
    title: "Video B",
    views: 200,
    engagement: 10,
    conversions: 2,
  });
  const lucky = await insertPersonalizedContent(segment.id, { title: "Lucky C", views: 10, engagement: 9 });
  const unseen = await insertPersonalizedContent(segment.id, { title: "Unseen D" });
  await insertDailyPerformance(a, dayString(1), { views: 100, engagements: 20, conversions: 2 });
  await insertDailyPerformance(a, dayString(0), { views: 50, engagements: 5, conversions: 1 });
  await insertDailyPerformance(b, dayString(1), { views: 100, engagements: 0, conversions: 0 });
  await insertDailyPerformance(a, dayString(40), { views: 999, engagements: 999, conversions: 999 });
  return { segment, ids: { a, b, lucky, unseen } };
}

describe("GET /api/v1/segments/{segment_id}/analytics", () => {
  it("describes an empty segment with zeros and advice to create content and broaden", async () => {
    const segment = await createSegmentFixture("Empty");
    const analytics = await getAnalytics(segment.id);
    expect(analytics).toMatchObject({ segment_id: segment.id, member_count: 0, cached: false, stale: false });
    expect(analytics.member_growth).toHaveLength(30);
    expect(analytics.member_growth.at(-1)).toEqual({
      date: dayString(0),
      joins: 0,
      leaves: 0,
      net: 0,
      members: 0,
    });
    expect(analytics.member_growth[0].date).toBe(dayString(29));
    expect(analytics.performance_summary).toEqual({
      total_views: 0,
      total_engagement: 0,
      total_conversions: 0,
      avg_engagement_rate: 0,
      conversion_rate: 0,
      content_count: 0,
    });
    expect(analytics.top_performing_content).toEqual([]);
    expect(analytics.engagement_trends).toHaveLength(30);
    expect(analytics.engagement_trends.every((day) => day.views === 0 && day.engagement_rate === 0)).toBe(
      true,
    );
    expect(analytics.recommendations.map((r) => [r.type, r.priority])).toEqual([
      ["create_content", "high"],
      ["broaden_criteria", "high"],
    ]);
  });

  it("computes hand-checked figures from the stored history", async () => {
    const { segment, ids } = await fixtureSegment();
    const analytics = await getAnalytics(segment.id, "?days=7");
    expect(analytics.member_count).toBe(4);
    expect(analytics.member_growth.map((d) => [d.joins, d.leaves, d.net, d.members])).toEqual([
      [0, 0, 0, 0], // 6 days ago
      [3, 0, 3, 3],
      [0, 0, 0, 3],
      [0, 0, 0, 3],
      [2, 0, 2, 5],
      [0, 1, -1, 4],
      [0, 0, 0, 4], // today
    ]);
    // 169 / 1210 engagement and 27 / 1210 conversions, view-weighted.
    expect(analytics.performance_summary).toEqual({
      total_views: 1210,
      total_engagement: 169,
      total_conversions: 27,
      avg_engagement_rate: 13.97,
      conversion_rate: 2.23,
      content_count: 4,
    });
    // C has the best rate (90%) on 10 views, under the 50-view minimum: it ranks after A and B.
    expect(
      analytics.top_performing_content.map((c) => [
        c.personalized_content_id,
        c.engagement_rate,
        c.meets_min_views,
      ]),
    ).toEqual([
      [ids.a, 15, true],
      [ids.b, 5, true],
      [ids.lucky, 90, false],
      [ids.unseen, 0, false],
    ]);
    expect(analytics.top_performing_content[0]).toMatchObject({
      title: "Article A",
      views: 1000,
      conversions: 25,
    });
    expect(analytics.engagement_trends).toHaveLength(7);
    expect(analytics.engagement_trends.at(-2)).toEqual({
      date: dayString(1),
      views: 200,
      engagement: 20,
      conversions: 2,
      engagement_rate: 10,
    });
    expect(analytics.engagement_trends.at(-1)).toMatchObject({
      views: 50,
      engagement: 5,
      engagement_rate: 10,
    });
    expect(analytics.engagement_trends.slice(0, 5).every((d) => d.views === 0)).toBe(true);
    expect(analytics.recommendations).toEqual([
      expect.objectContaining({ type: "ab_test_content", priority: "medium", value: 13.97, threshold: 15 }),
      expect.objectContaining({ type: "broaden_criteria", metric: "member_count", value: 4, threshold: 100 }),
    ]);
  });

  it("waits for 100 views before advising on engagement", async () => {
    const segment = await createSegmentFixture();
    await insertPersonalizedContent(segment.id, { views: 40, engagement: 1 });
    const analytics = await getAnalytics(segment.id);
    expect(analytics.recommendations[0]).toMatchObject({ type: "broaden_criteria" });
    expect(analytics.recommendations.map((r) => r.type)).toContain("collect_more_data");
    expect(analytics.recommendations.map((r) => r.type)).not.toContain("refine_criteria");
  });

  it("rejects bad ids and queries, and answers 404 for a missing segment", async () => {
    const segment = await createSegmentFixture();
    expect((await api("GET", `/api/v1/segments/${MISSING}/analytics`)).status).toBe(404);
    expect((await api("GET", "/api/v1/segments/nope/analytics")).status).toBe(422);
    for (const query of ["?days=0", "?days=366", "?days=abc", "?days=2.5", "?window=7"]) {
      const res = await api("GET", `/api/v1/segments/${segment.id}/analytics${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.errors[0].location).toBe("query");
    }
    expect((await getAnalytics(segment.id, "?days=365")).member_growth).toHaveLength(365);
  });
});

describe("POST /api/v1/segments/{segment_id}/analyze and the cache", () => {
  it("stores the analysis, serves it while fresh, and recomputes when the data changes", async () => {
    const { segment, ids } = await fixtureSegment();
    const before = (await api("GET", `/api/v1/segments/${segment.id}`)).body;
    const analyzed = await api("POST", `/api/v1/segments/${segment.id}/analyze`);
    expect(analyzed.status).toBe(200);
    expect(segmentAnalyticsSchema.parse(analyzed.body)).toMatchObject({
      cached: false,
      stale: false,
      member_count: 4,
    });

    const stored = (await api("GET", `/api/v1/segments/${segment.id}`)).body;
    expect(stored.last_analyzed_at).not.toBeNull();
    expect(new Date(stored.last_analyzed_at).toISOString()).toBe(analyzed.body.computed_at);
    expect(stored.performance_metrics.analytics.performance_summary.total_views).toBe(1210);
    expect(stored.updated_at).toBe(before.updated_at);
    // The fixture's criteria ({}) match every user in this test file's database.
    const [{ users: userCount }] = await (await getDb()).select({ users: count() }).from(users);
    expect(stored.estimated_size).toBe(userCount);

    const cached = await getAnalytics(segment.id);
    expect(cached).toMatchObject({ cached: true, stale: false, computed_at: analyzed.body.computed_at });
    expect(cached.performance_summary).toEqual(analyzed.body.performance_summary);

    const otherWindow = await getAnalytics(segment.id, "?days=7");
    expect(otherWindow).toMatchObject({ cached: false, stale: false });

    await setCounters(ids.b, { view_count: 300 });
    const afterViews = await getAnalytics(segment.id);
    expect(afterViews).toMatchObject({ cached: false, stale: true });
    expect(afterViews.performance_summary.total_views).toBe(1310);

    await api("POST", `/api/v1/segments/${segment.id}/analyze`);
    expect((await getAnalytics(segment.id)).cached).toBe(true);
    await addMembers(segment.id, await insertUsers(1));
    const afterJoin = await getAnalytics(segment.id);
    expect(afterJoin).toMatchObject({ cached: false, stale: true, member_count: 5 });
  });

  it("stops serving an analysis older than 15 minutes", async () => {
    const segment = await createSegmentFixture();
    await api("POST", `/api/v1/segments/${segment.id}/analyze`);
    expect((await getAnalytics(segment.id)).cached).toBe(true);
    const db = await getDb();
    const old = new Date(Date.now() - 16 * 60 * 1000).toISOString();
    await db
      .update(audienceSegments)
      .set({
        performance_metrics: sql`jsonb_set(${audienceSegments.performance_metrics}, '{analytics,computed_at}', to_jsonb(${old}::text))`,
      })
      .where(eq(audienceSegments.id, segment.id));
    expect(await getAnalytics(segment.id)).toMatchObject({ cached: false, stale: true });
  });

  it("answers 404 for a missing segment and 422 for a bad id or days", async () => {
    expect((await api("POST", `/api/v1/segments/${MISSING}/analyze`)).status).toBe(404);
    expect((await api("POST", "/api/v1/segments/123/analyze")).status).toBe(422);
    const segment = await createSegmentFixture();
    expect((await api("POST", `/api/v1/segments/${segment.id}/analyze?days=400`)).status).toBe(422);
  });
});
