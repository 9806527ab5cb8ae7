import "server-only";
import { dehydrate, type QueryClient } from "@tanstack/react-query";
import { segmentAnalyticsSchema } from "@/lib/analytics/schemas";
import { getSegmentAnalytics } from "@/lib/analytics/service";
import { ApiError } from "@/lib/api/errors";
import { parseId } from "@/lib/api/request";
import { serialize } from "@/lib/api/response";
import { experimentQuery, experimentResultSchema } from "@/lib/experiments/schemas";
import { getExperimentResults } from "@/lib/experiments/service";
import {
  contentRecommendationsQuery,
  contentRecommendationsSchema,
} from "@/lib/intelligence/recommendation-schemas";
import { recommendContent } from "@/lib/intelligence/recommendation-service";
import { firstMembersQuery, listMembersQuery, memberPageSchema } from "@/lib/members/schemas";
import { listMembers } from "@/lib/members/service";
import { contentTabQueries } from "@/lib/personalized/content-tab-queries";
import { listPersonalizedQuery, personalizedPageSchema } from "@/lib/personalized/schemas";
import { listPersonalized } from "@/lib/personalized/service";
import { segmentSchema } from "@/lib/segments/schemas";
import { getSegment } from "@/lib/segments/service";

/** The Overview tab's period when the page opens (components/segment-overview/overview-tab.tsx). */
const DEFAULT_ANALYTICS_DAYS = 30;

/**
 * Reads on the server what the segment page's first screen shows, under the query keys its hooks use
 * (useSegment, useSegmentAnalytics, useMembers, and the Content & A/B tab's usePersonalizedContent,
 * useContentRecommendations and useExperiment) and in the shape the API answers with (its documented schemas),
 * so the page arrives complete and the browser neither shows a spinner nor asks the API again for data the
 * server already had. Each tab's reads happen only when that tab is the one opening: the Overview's analytics,
 * the Members tab's first page (its table then renders with the tab's code instead of arriving later and
 * pushing the forms below it down), the Content & A/B tab's arms, suggestions and experiment read-out (the tab
 * waits for all three before it shows anything; without them it hydrated a spinner, asked the API three times
 * and rendered again). A missing or malformed id is left to the client, which shows the API's problem with a
 * way back to the list.
 */
export async function prefetchSegmentPage(
  queryClient: QueryClient,
  segmentId: string,
  tab: string | undefined,
) {
  const id = idOf(segmentId);
  if (!id) return dehydrate(queryClient);
  const [segment, analytics, members, content] = await Promise.all([
    prefetchSegment(queryClient, segmentId),
    tab === undefined || tab === "overview"
      ? getSegmentAnalytics(id, DEFAULT_ANALYTICS_DAYS).catch(ignoreApiError)
      : undefined,
    tab === "members"
      ? listMembers(id, listMembersQuery.parse(firstMembersQuery)).catch(ignoreApiError)
      : undefined,
    tab === "content" ? readContentTab(id) : undefined,
  ]);
  // The analytics' and members' keys hold the segment's own id.
  if (segment && analytics) {
    queryClient.setQueryData(
      ["analytics", { segment_id: segment.id, days: DEFAULT_ANALYTICS_DAYS }],
      segmentAnalyticsSchema.parse(serialize(analytics)),
    );
  }
  if (segment && members) {
    queryClient.setQueryData(
      ["members", { segment_id: segment.id, ...firstMembersQuery }],
      memberPageSchema.parse(serialize(members)),
    );
  }
  if (segment && content) {
    const params = { segment_id: segment.id };
    queryClient.setQueryData(
      ["personalized-content", { ...params, ...contentTabQueries.personalizedContent }],
      personalizedPageSchema.parse(serialize(content.personalized)),
    );
    queryClient.setQueryData(
      ["content-recommendations", params],
      contentRecommendationsSchema.parse(serialize(content.recommendations)),
    );
    // useExperiment's key without a metric: the experiment's primary metric, as the API answers then.
    queryClient.setQueryData(
      ["experiment", params],
      experimentResultSchema.parse(serialize(content.experiment)),
    );
  }
  return dehydrate(queryClient);
}

/** The Content & A/B tab's three first answers, read at once; undefined when any is an API error. */
async function readContentTab(id: string) {
  const answers = await Promise.all([
    listPersonalized(
      listPersonalizedQuery.parse({ segment_id: id, ...contentTabQueries.personalizedContent }),
    ),
    recommendContent(id, contentRecommendationsQuery.parse(contentTabQueries.contentRecommendations)),
    getExperimentResults(id, experimentQuery.parse({})),
  ]).catch(ignoreApiError);
  if (!answers) return undefined;
  const [personalized, recommendations, experiment] = answers;
  return { personalized, recommendations, experiment };
}

/**
 * The segment under useSegment's key, which holds the id as the URL spells it; undefined when the id is
 * malformed or unknown (the client then shows the API's problem).
 */
export async function prefetchSegment(queryClient: QueryClient, segmentId: string) {
  const id = idOf(segmentId);
  const segment = id ? await getSegment(id).catch(ignoreApiError) : undefined;
  if (segment) {
    queryClient.setQueryData(["segments", { id: segmentId }], segmentSchema.parse(serialize(segment)));
  }
  return segment;
}

function idOf(segmentId: string): string | undefined {
  try {
    return parseId(segmentId, "segment_id");
  } catch {
    return undefined;
  }
}

function ignoreApiError(error: unknown): undefined {
  if (error instanceof ApiError) return undefined;
  throw error;
}
