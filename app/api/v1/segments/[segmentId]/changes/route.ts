import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { changePageSchema, listChangesQuery } from "@/lib/changes/schemas";
import { listSegmentChanges } from "@/lib/changes/service";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/changes - the segment's joins and leaves in commit order, from a cursor
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params, searchParams }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const query = parseQuery(searchParams, listChangesQuery);
  return json(changePageSchema, await listSegmentChanges(segmentId, query));
});

export * from "@/lib/api/method-not-allowed";
