import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { refreshResultSchema } from "@/lib/segments/schemas";
import { refreshSegment } from "@/lib/segments/service";

type Params = { segmentId: string };

// POST /api/v1/segments/{segment_id}/refresh - recompute the segment's criteria members
export const POST = withApi<Params>(async ({ params }) => {
  return json(refreshResultSchema, await refreshSegment(parseId(params.segmentId, "segment_id")));
});
