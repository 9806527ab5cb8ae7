import { withApi } from "@/lib/api/handler";
import { parseQuery, readJson } from "@/lib/api/request";
import { created, json } from "@/lib/api/response";
import {
  createSegmentSchema,
  listSegmentsQuery,
  segmentPageSchema,
  segmentSchema,
} from "@/lib/segments/schemas";
import { createSegment, listSegments } from "@/lib/segments/service";

// GET /api/v1/segments - list segments, filtered by persona, status, strategy or a search term
export const GET = withApi({ scope: "segments:read" }, async ({ searchParams }) => {
  const query = parseQuery(searchParams, listSegmentsQuery);
  return json(segmentPageSchema, await listSegments(query));
});

// POST /api/v1/segments - create a segment
export const POST = withApi({ scope: "segments:write" }, async ({ req }) => {
  const input = await readJson(req, createSegmentSchema);
  const segment = await createSegment(input);
  return created(segmentSchema, segment, `/api/v1/segments/${segment.id}`);
});

export * from "@/lib/api/method-not-allowed";
