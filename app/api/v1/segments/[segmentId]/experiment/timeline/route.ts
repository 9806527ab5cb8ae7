import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { getExperimentTimeline } from "@/lib/experiments/service";
import { experimentTimelineSchema } from "@/lib/experiments/settings-schemas";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/experiment/timeline - history, allocations and daily exposures
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params }) => {
  const id = parseId(params.segmentId, "segment_id");
  return json(experimentTimelineSchema, await getExperimentTimeline(id));
});

export * from "@/lib/api/method-not-allowed";
