import { describe, expect, it } from "vitest";
import { contentRecommendationsSchema } from "@/lib/intelligence/recommendation-schemas";
import {
  addMembers,
  createSegmentFixture,
  insertPersonalizedContent,
  insertUsers,
} from "../support/analytics-fixtures";
import { api } from "../support/api";

const MISSING = "00000000-0000-4000-8000-000000000000";

async function getRecommendations(segmentId: string, query = "") {
  const res = await api("GET", `/api/v1/segments/${segmentId}/content-recommendations${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(JSON.stringify(res.body)).not.toMatch(/NaN|Infinity/);
  return contentRecommendationsSchema.parse(res.body);
}

/**
 * Target segment with 100 members and its own content; "Tech" shares 50 of them and has a known best item
 * (30%) and a weak one (10%); "Lucky" shares none and has an item with 2 engagements in 2 views; "Far" shares
 * none and has a 15% item.
 */
async function plantedSegments() {
  const people = await insertUsers(160);
  const target = await createSegmentFixture("Target");
  const tech = await createSegmentFixture("Tech Early Adopters");
  const lucky = await createSegmentFixture("Lucky");
  const far = await createSegmentFixture("Far");
  await addMembers(target.id, people.slice(0, 100));
  await addMembers(tech.id, people.slice(50, 130));
  await addMembers(lucky.id, people.slice(130, 140));
  await addMembers(far.id, people.slice(140, 160));
  const own = await insertPersonalizedContent(target.id, { title: "Own item", views: 1000, engagement: 120 });
  await insertPersonalizedContent(tech.id, { title: "Best item", views: 1000, engagement: 300 });
  await insertPersonalizedContent(tech.id, {
    title: "Weak item",
    views: 1000,
    engagement: 100,
    variant_id: "b",
  });
  await insertPersonalizedContent(lucky.id, { title: "Lucky item", views: 2, engagement: 2 });
  await insertPersonalizedContent(far.id, { title: "Far item", views: 1000, engagement: 150 });
  return { target, tech, own };
}

// Each test builds a small population and fits models: generous on a loaded machine.
describe("GET /api/v1/segments/{id}/content-recommendations", { timeout: 120_000 }, () => {
  it("ranks the known best content first, shrinks a lucky handful of views and explains why", async () => {
    const { target, tech } = await plantedSegments();
    const body = await getRecommendations(target.id);
    const titles = body.items.map((item) => item.title);
    expect(titles[0]).toBe("Best item");
    expect(titles).not.toContain("Own item");
    expect(titles).toHaveLength(4);
    const best = body.items[0];
    expect(best.top_source.segment_id).toBe(tech.id);
    expect(best.top_source.shared_members).toBeCloseTo(0.5);
    expect(best.reason).toBe(
      `30% engagement over 1,000 views in ${tech.segment_name}, which shares 50% of this segment's members.`,
    );
    expect(best.lower_95).toBeLessThan(best.expected_engagement);
    expect(best.upper_95).toBeGreaterThan(best.expected_engagement);
    const lucky = body.items.find((item) => item.title === "Lucky item");
    expect(lucky?.expected_engagement).toBeLessThan(best.expected_engagement);
    expect(lucky?.expected_engagement).toBeLessThan(0.5);
    expect(lucky?.upper_95).toBeGreaterThan(lucky?.lower_95 ?? 1);
    expect(body.prior.units).toBe(5);
    expect(body.prior.mean).toBeGreaterThan(0.1);
    expect((await getRecommendations(target.id, "?limit=1")).items).toHaveLength(1);
    expect(await getRecommendations(target.id)).toEqual(body);
  });

  it("still ranks by evidence for a segment without members, weighting other segments by the floor", async () => {
    await plantedSegments();
    const segment = await createSegmentFixture("Alone");
    const body = await getRecommendations(segment.id, "?limit=50");
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) expect(item.top_source.shared_members).toBe(0);
    expect(body.items.findIndex((item) => item.title === "Best item")).toBeLessThan(
      body.items.findIndex((item) => item.title === "Lucky item"),
    );
  });

  it("answers 404 for a missing segment and 422 for a bad id or limit", async () => {
    expect((await api("GET", `/api/v1/segments/${MISSING}/content-recommendations`)).status).toBe(404);
    expect((await api("GET", "/api/v1/segments/x/content-recommendations")).status).toBe(422);
    const segment = await createSegmentFixture("Limits");
    for (const query of ["?limit=0", "?limit=51", "?other=1"]) {
      const res = await api("GET", `/api/v1/segments/${segment.id}/content-recommendations${query}`);
      expect(res.status, query).toBe(422);
    }
  });
});
