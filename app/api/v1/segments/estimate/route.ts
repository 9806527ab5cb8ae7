import { withApi } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { estimateRequestSchema, estimateSchema } from "@/lib/criteria/api-schemas";
import { estimateAudienceSize } from "@/lib/criteria/service";

// POST /api/v1/segments/estimate - how many users the criteria select right now, with a few of them
export const POST = withApi({ scope: "segments:read" }, async ({ req }) => {
  const input = await readJson(req, estimateRequestSchema);
  return json(estimateSchema, await estimateAudienceSize(input));
});

export * from "@/lib/api/method-not-allowed";
