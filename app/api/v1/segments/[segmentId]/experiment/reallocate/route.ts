import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { reallocateExperiment } from "@/lib/experiments/reallocation";
import { experimentResultSchema } from "@/lib/experiments/schemas";

type Params = { segmentId: string };

// POST /api/v1/segments/{segment_id}/experiment/reallocate - a bandit re-allocation now
export const POST = withApi<Params>({ scope: "segments:write" }, async ({ params }) => {
  const id = parseId(params.segmentId, "segment_id");
  return json(experimentResultSchema, await reallocateExperiment(id));
});

export * from "@/lib/api/method-not-allowed";
