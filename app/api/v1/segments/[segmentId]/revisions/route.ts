import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { revisionPageSchema, revisionsQuery } from "@/lib/segments/schemas";
import { listSegmentRevisions } from "@/lib/segments/service";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/revisions - every change to the segment's definition, newest first
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params, searchParams }) => {
  const id = parseId(params.segmentId, "segment_id");
  return json(revisionPageSchema, await listSegmentRevisions(id, parseQuery(searchParams, revisionsQuery)));
});

export * from "@/lib/api/method-not-allowed";
