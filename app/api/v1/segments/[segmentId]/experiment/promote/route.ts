import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { promoteExperiment } from "@/lib/experiments/promotion";
import { experimentResultSchema } from "@/lib/experiments/schemas";
import { promoteInput } from "@/lib/experiments/settings-schemas";

type Params = { segmentId: string };

// POST /api/v1/segments/{segment_id}/experiment/promote - complete the experiment with a winner
export const POST = withApi<Params>({ scope: "segments:write" }, async ({ req, params }) => {
  const id = parseId(params.segmentId, "segment_id");
  const input = await readJson(req, promoteInput, { optional: true });
  return json(experimentResultSchema, await promoteExperiment(id, input));
});

export * from "@/lib/api/method-not-allowed";
