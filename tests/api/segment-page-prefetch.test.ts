import { type DehydratedState, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { prefetchSegmentPage } from "@/app/segments/[segmentId]/prefetch";
import { contentTabQueries } from "@/lib/personalized/content-tab-queries";
import { createSegmentFixture, insertPersonalizedContent } from "../support/analytics-fixtures";
import { api } from "../support/api";

/** The dehydrated data by query key, as JSON (what the page sends to the browser). */
function byKey(state: DehydratedState): Map<string, unknown> {
  return new Map(state.queries.map((query) => [JSON.stringify(query.queryKey), query.state.data]));
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

async function answer(path: string) {
  const res = await api("GET", path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

// The segment page reads on the server what the opening tab shows, under the keys the tab's hooks use, so the
// browser renders it without asking the API again: the data must be what the API would have answered.
describe("the segment page's server prefetch", { timeout: 120_000 }, () => {
  it("reads the Content & A/B tab's arms, suggestions and experiment under its hooks' keys", async () => {
    const segment = await createSegmentFixture("Prefetch content");
    await insertPersonalizedContent(segment.id, { title: "Control item", views: 100, engagement: 10 });
    await insertPersonalizedContent(segment.id, {
      title: "Variant item",
      views: 100,
      engagement: 20,
      variant_id: "b",
    });
    const data = byKey(await prefetchSegmentPage(new QueryClient(), segment.id, "content"));
    const params = { segment_id: segment.id };

    const content = data.get(
      JSON.stringify(["personalized-content", { ...params, ...contentTabQueries.personalizedContent }]),
    );
    expect(json(content)).toEqual(
      await answer(
        `/api/v1/segments/personalized?segment_id=${segment.id}&limit=${contentTabQueries.personalizedContent.limit}`,
      ),
    );
    expect((content as { items: unknown[] }).items).toHaveLength(2);
    expect(json(data.get(JSON.stringify(["content-recommendations", params])))).toEqual(
      await answer(
        `/api/v1/segments/${segment.id}/content-recommendations?limit=${contentTabQueries.contentRecommendations.limit}`,
      ),
    );
    expect(json(data.get(JSON.stringify(["experiment", params])))).toEqual(
      await answer(`/api/v1/segments/${segment.id}/experiment`),
    );
    // The Overview's analytics are not read for another tab.
    expect([...data.keys()].some((key) => key.startsWith('["analytics"'))).toBe(false);
  });

  it("reads no content for the Overview, and nothing but the (absent) segment for an unknown id", async () => {
    const segment = await createSegmentFixture("Prefetch overview");
    const overview = byKey(await prefetchSegmentPage(new QueryClient(), segment.id, undefined));
    expect([...overview.keys()].some((key) => key.startsWith('["analytics"'))).toBe(true);
    expect([...overview.keys()].some((key) => key.startsWith('["personalized-content"'))).toBe(false);

    const unknown = await prefetchSegmentPage(
      new QueryClient(),
      "00000000-0000-4000-8000-000000000000",
      "content",
    );
    expect(unknown.queries).toEqual([]);
  });
});
