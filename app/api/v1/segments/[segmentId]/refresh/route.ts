import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { refreshQuery } from "@/lib/criteria/api-schemas";
import { requestRefresh } from "@/lib/criteria/service";

type Params = { segmentId: string };

// POST /api/v1/segments/{segment_id}/refresh - recompute the segment's criteria members (a job when big)
export const POST = withApi<Params>(async ({ params, searchParams }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const query = parseQuery(searchParams, refreshQuery);
  const mode = query.async === "true" ? "async" : query.async === "false" ? "sync" : "auto";
  const outcome = await requestRefresh(segmentId, mode);
  if ("result" in outcome) return json(outcome.result);
  return json(outcome.job, 202, { location: `/api/v1/jobs/${outcome.job.id}` });
});
