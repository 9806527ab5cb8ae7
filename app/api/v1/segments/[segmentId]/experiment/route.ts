import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { experimentQuery, experimentResultSchema } from "@/lib/experiments/schemas";
import { getExperimentResults } from "@/lib/experiments/service";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/experiment - A/B test results of the segment's content variants
export const GET = withApi<Params>(async ({ params, searchParams }) => {
  const id = parseId(params.segmentId, "segment_id");
  const query = parseQuery(searchParams, experimentQuery);
  return json(experimentResultSchema, await getExperimentResults(id, query));
});
