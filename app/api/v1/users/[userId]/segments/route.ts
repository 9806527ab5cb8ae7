import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { userSegmentListSchema } from "@/lib/members/user-segments-schemas";
import { getUserSegments } from "@/lib/users/service";

type Params = { userId: string };

// GET /api/v1/users/{user_id}/segments - the segments a user belongs to, with confidence, source and reason
export const GET = withApi<Params>({ scope: "users:read" }, async ({ params }) => {
  return json(userSegmentListSchema, await getUserSegments(parseId(params.userId, "user_id")));
});

export * from "@/lib/api/method-not-allowed";
