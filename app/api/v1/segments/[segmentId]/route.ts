import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json, noContent } from "@/lib/api/response";
import { segmentSchema, updateSegmentSchema } from "@/lib/segments/schemas";
import { deleteSegment, getSegment, updateSegment } from "@/lib/segments/service";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id} - get a segment
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params }) => {
  return json(segmentSchema, await getSegment(parseId(params.segmentId, "segment_id")));
});

// PUT /api/v1/segments/{segment_id} - update a segment (any subset of its fields)
export const PUT = withApi<Params>({ scope: "segments:write" }, async ({ req, params }) => {
  const id = parseId(params.segmentId, "segment_id");
  const patch = await readJson(req, updateSegmentSchema);
  return json(segmentSchema, await updateSegment(id, patch));
});

// PATCH /api/v1/segments/{segment_id} - same as PUT
export const PATCH = PUT;

// DELETE /api/v1/segments/{segment_id} - delete a segment with its members and personalized content
export const DELETE = withApi<Params>({ scope: "segments:write" }, async ({ params }) => {
  await deleteSegment(parseId(params.segmentId, "segment_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
