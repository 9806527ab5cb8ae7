import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import {
  BULK_BODY_LIMIT_BYTES,
  bulkRemoveMembersSchema,
  bulkRemoveResultSchema,
} from "@/lib/members/schemas";
import { removeMembers } from "@/lib/members/service";

type Params = { segmentId: string };

// POST /api/v1/segments/{segment_id}/members/remove - remove up to 10,000 members by id, email or external id
export const POST = withApi<Params>({ scope: "members:write" }, async ({ req, params }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const input = await readJson(req, bulkRemoveMembersSchema, { maxBytes: BULK_BODY_LIMIT_BYTES });
  return json(bulkRemoveResultSchema, await removeMembers(segmentId, input));
});

export * from "@/lib/api/method-not-allowed";
