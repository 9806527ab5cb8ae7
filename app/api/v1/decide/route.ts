import { withApi } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { decideBatchResultSchema, decideRequestSchema, userDecisionSchema } from "@/lib/delivery/schemas";
import { decide } from "@/lib/delivery/service";

// POST /api/v1/decide - what each user sees now: their segments, and per segment the arm of its experiment
export const POST = withApi({ scope: "decide" }, async ({ req }) => {
  const request = await readJson(req, decideRequestSchema);
  return json(request.users ? decideBatchResultSchema : userDecisionSchema, await decide(request));
});

export * from "@/lib/api/method-not-allowed";
