import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery, readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { experimentQuery, experimentResultSchema } from "@/lib/experiments/schemas";
import { getExperimentResults, updateExperiment } from "@/lib/experiments/service";
import { experimentSettingsInput } from "@/lib/experiments/settings-schemas";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/experiment - the experiment's settings and its read-out (per user when exposed)
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params, searchParams }) => {
  const id = parseId(params.segmentId, "segment_id");
  const query = parseQuery(searchParams, experimentQuery);
  return json(experimentResultSchema, await getExperimentResults(id, query));
});

// PUT /api/v1/segments/{segment_id}/experiment - change the experiment's settings (given fields only)
export const PUT = withApi<Params>({ scope: "segments:write" }, async ({ req, params }) => {
  const id = parseId(params.segmentId, "segment_id");
  const input = await readJson(req, experimentSettingsInput);
  return json(experimentResultSchema, await updateExperiment(id, input));
});

export * from "@/lib/api/method-not-allowed";
