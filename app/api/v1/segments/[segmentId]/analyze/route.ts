import { analyticsQuery, segmentAnalyticsSchema } from "@/lib/analytics/schemas";
import { analyzeSegment } from "@/lib/analytics/service";
import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";

type Params = { segmentId: string };

// POST /api/v1/segments/{segment_id}/analyze - compute the analytics now and store them on the segment
export const POST = withApi<Params>({ scope: "segments:write" }, async ({ params, searchParams }) => {
  const id = parseId(params.segmentId, "segment_id");
  const { days } = parseQuery(searchParams, analyticsQuery);
  return json(segmentAnalyticsSchema, await analyzeSegment(id, days));
});

export * from "@/lib/api/method-not-allowed";
