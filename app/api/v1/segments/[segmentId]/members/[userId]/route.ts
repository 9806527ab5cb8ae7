import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery, readJson } from "@/lib/api/request";
import { created, json, noContent } from "@/lib/api/response";
import { addMemberQuery, addMemberSchema, memberSchema } from "@/lib/members/schemas";
import { addMember, removeMember } from "@/lib/members/service";

type Params = { segmentId: string; userId: string };

// POST /api/v1/segments/{segment_id}/members/{user_id} - add a member (201) or update an existing one (200)
export const POST = withApi<Params>({ scope: "members:write" }, async ({ req, params, searchParams }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const userId = parseId(params.userId, "user_id");
  const query = parseQuery(searchParams, addMemberQuery);
  const body = await readJson(req, addMemberSchema, { optional: true });
  const { created: isNew, member } = await addMember(segmentId, userId, {
    confidence_score: body.confidence_score ?? query.confidence_score,
    assignment_reason: body.assignment_reason,
  });
  return isNew
    ? created(memberSchema, member, `/api/v1/segments/${segmentId}/members/${userId}`)
    : json(memberSchema, member);
});

// DELETE /api/v1/segments/{segment_id}/members/{user_id} - remove a member
export const DELETE = withApi<Params>({ scope: "members:write" }, async ({ params }) => {
  await removeMember(parseId(params.segmentId, "segment_id"), parseId(params.userId, "user_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
