import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { explainSchema } from "@/lib/segments/schemas";
import { explainMembership } from "@/lib/segments/service";

type Params = { segmentId: string; userId: string };

// GET /api/v1/segments/{segment_id}/explain/{user_id} - each condition with the user's value and whether it held
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const userId = parseId(params.userId, "user_id");
  return json(explainSchema, await explainMembership(segmentId, userId));
});

export * from "@/lib/api/method-not-allowed";
