import { analyticsQuery, segmentAnalyticsSchema } from "@/lib/analytics/schemas";
import { overlapQuery, segmentOverlapSchema } from "@/lib/overlap/schemas";
import type { Operation } from "../operation";

const segmentId = { segment_id: "The segment's id." };
const tags = ["Analytics"];

export const analyticsOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}/analytics",
    operationId: "getSegmentAnalytics",
    scope: "segments:read",
    summary: "Get segment analytics",
    description:
      "Member growth, performance summary, top content, daily engagement trends and recommendations, computed " +
      "from stored data. The analysis stored by `POST …/analyze` is served (`cached: true`) while it is younger " +
      "than 15 minutes and none of the data behind it has changed; otherwise the analytics are computed now and " +
      "`stale` says whether a stored analysis exists but is out of date.",
    tags,
    pathParams: segmentId,
    query: analyticsQuery,
    responses: {
      200: { description: "The segment's analytics.", schema: segmentAnalyticsSchema },
      404: "No such segment.",
      422: "Invalid id or query.",
    },
  },
  {
    method: "post",
    path: "/api/v1/segments/{segment_id}/analyze",
    operationId: "analyzeSegment",
    scope: "segments:write",
    summary: "Run segment analysis",
    description:
      "Computes the analytics now and stores them in the segment's `performance_metrics` (with a fingerprint of " +
      "the data) and `last_analyzed_at`.",
    tags,
    pathParams: segmentId,
    query: analyticsQuery,
    responses: {
      200: { description: "The analytics just computed.", schema: segmentAnalyticsSchema },
      404: "No such segment.",
      422: "Invalid id or query.",
    },
  },
  {
    method: "get",
    path: "/api/v1/segments/overlap",
    operationId: "getSegmentOverlap",
    scope: "segments:read",
    summary: "Overlap between segments",
    description:
      "For 2 to 10 segments: each one's member count, and for each pair the shared members and Jaccard index.",
    tags,
    query: overlapQuery,
    responses: {
      200: { description: "Member counts and pairwise overlap.", schema: segmentOverlapSchema },
      404: "One of the segments does not exist.",
      422: "Fewer than 2 or more than 10 ids, an id that is not a UUID, or a repeated id.",
    },
  },
];
