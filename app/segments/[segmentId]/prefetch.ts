import "server-only";
import { dehydrate, type QueryClient } from "@tanstack/react-query";
import { segmentAnalyticsSchema } from "@/lib/analytics/schemas";
import { getSegmentAnalytics } from "@/lib/analytics/service";
import { ApiError } from "@/lib/api/errors";
import { parseId } from "@/lib/api/request";
import { serialize } from "@/lib/api/response";
import { firstMembersQuery, listMembersQuery, memberPageSchema } from "@/lib/members/schemas";
import { listMembers } from "@/lib/members/service";
import { segmentSchema } from "@/lib/segments/schemas";
import { getSegment } from "@/lib/segments/service";

/** The Overview tab's period when the page opens (components/segment-overview/overview-tab.tsx). */
const DEFAULT_ANALYTICS_DAYS = 30;

/**
 * Reads on the server what the segment page's first screen shows, under the query keys its hooks use
 * (useSegment, useSegmentAnalytics, useMembers) and in the shape the API answers with (its documented
 * schemas), so the page arrives complete and the browser neither shows a spinner nor asks the API again for
 * data the server already had. The Overview tab's analytics are read only when that tab is the one opening,
 * the Members tab's first page only when that one is: its table then renders with the tab's code instead of
 * arriving later and pushing the forms below it down. A missing or malformed id is left to the client, which shows the API's
 * problem with a way back to the list.
 */
export async function prefetchSegmentPage(
  queryClient: QueryClient,
  segmentId: string,
  tab: string | undefined,
) {
  const id = idOf(segmentId);
  if (!id) return dehydrate(queryClient);
  const [segment, analytics, members] = await Promise.all([
    prefetchSegment(queryClient, segmentId),
    tab === undefined || tab === "overview"
      ? getSegmentAnalytics(id, DEFAULT_ANALYTICS_DAYS).catch(ignoreApiError)
      : undefined,
    tab === "members"
      ? listMembers(id, listMembersQuery.parse(firstMembersQuery)).catch(ignoreApiError)
      : undefined,
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
  return dehydrate(queryClient);
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
