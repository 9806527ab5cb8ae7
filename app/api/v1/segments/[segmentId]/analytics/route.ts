import { analyticsQuery, segmentAnalyticsSchema } from "@/lib/analytics/schemas";
import { getSegmentAnalytics } from "@/lib/analytics/service";
import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/analytics - member growth, performance, trends and recommendations
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params, searchParams }) => {
  const id = parseId(params.segmentId, "segment_id");
  const { days } = parseQuery(searchParams, analyticsQuery);
  return json(segmentAnalyticsSchema, await getSegmentAnalytics(id, days));
});

export * from "@/lib/api/method-not-allowed";
