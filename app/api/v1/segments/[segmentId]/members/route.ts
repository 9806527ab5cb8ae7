import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery, readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import {
  BULK_BODY_LIMIT_BYTES,
  bulkAddMembersSchema,
  bulkAddResultSchema,
  listMembersQuery,
  memberPageSchema,
} from "@/lib/members/schemas";
import { addMembers, listMembers } from "@/lib/members/service";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/members - list a segment's members with their profile summaries
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params, searchParams }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const query = parseQuery(searchParams, listMembersQuery);
  return json(memberPageSchema, await listMembers(segmentId, query));
});

// POST /api/v1/segments/{segment_id}/members - add up to 10,000 users by id, email or external id
export const POST = withApi<Params>({ scope: "members:write" }, async ({ req, params }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const input = await readJson(req, bulkAddMembersSchema, { maxBytes: BULK_BODY_LIMIT_BYTES });
  return json(bulkAddResultSchema, await addMembers(segmentId, input));
});

export * from "@/lib/api/method-not-allowed";
