import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { jobSchema } from "@/lib/jobs/schemas";
import { refreshQuery, refreshResultSchema } from "@/lib/segments/schemas";
import { requestRefresh } from "@/lib/segments/service";

type Params = { segmentId: string };

// POST /api/v1/segments/{segment_id}/refresh - recompute the segment's criteria members (a job when big)
export const POST = withApi<Params>({ scope: "segments:write" }, async ({ params, searchParams }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const query = parseQuery(searchParams, refreshQuery);
  const mode = query.async === "true" ? "async" : query.async === "false" ? "sync" : "auto";
  const outcome = await requestRefresh(segmentId, mode);
  if ("result" in outcome) return json(refreshResultSchema, outcome.result);
  return json(jobSchema, outcome.job, 202, { location: `/api/v1/jobs/${outcome.job.id}` });
});

export * from "@/lib/api/method-not-allowed";
