import { withApi } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { overlapQuery, segmentOverlapSchema } from "@/lib/overlap/schemas";
import { getSegmentOverlap } from "@/lib/overlap/service";

// GET /api/v1/segments/overlap - shared members and Jaccard index of every pair of 2 to 10 segments
export const GET = withApi({ scope: "segments:read" }, async ({ searchParams }) => {
  const { segment_ids } = parseQuery(searchParams, overlapQuery);
  return json(segmentOverlapSchema, await getSegmentOverlap(segment_ids));
});

export * from "@/lib/api/method-not-allowed";
