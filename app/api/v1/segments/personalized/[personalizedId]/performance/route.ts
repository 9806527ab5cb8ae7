import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { updatePerformance } from "@/lib/personalized/performance-service";
import { performanceUpdateSchema, personalizedContentSchema } from "@/lib/personalized/schemas";

type Params = { personalizedId: string };

// POST /api/v1/segments/personalized/{personalized_id}/performance - set or increment views, engagement, conversions
export const POST = withApi<Params>({ scope: "content:write" }, async ({ req, params }) => {
  const id = parseId(params.personalizedId, "personalized_id");
  const input = await readJson(req, performanceUpdateSchema);
  return json(personalizedContentSchema, await updatePerformance(id, input));
});

export * from "@/lib/api/method-not-allowed";
