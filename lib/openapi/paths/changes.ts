import { changePageSchema, listChangesQuery } from "@/lib/changes/schemas";
import { userSegmentListSchema } from "@/lib/members/user-segments-schemas";
import type { Operation } from "../operation";

export const changesOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}/changes",
    operationId: "listSegmentChanges",
    scope: "segments:read",
    summary: "The segment's joins and leaves, in commit order, from a cursor",
    description:
      "A feed to poll: start without a cursor (from the oldest change kept) or with `cursor=latest`, then " +
      "ask again with `next_cursor`, which every answer carries, also the last page. Each poll returns " +
      "exactly what was committed after the cursor: no repeats and no gaps, also while changes are being " +
      "written. Changes older than RETENTION_DAYS are deleted; an older cursor continues with the oldest " +
      "change still kept. See docs/webhooks.md.",
    tags: ["Segments"],
    pathParams: { segment_id: "The segment's id." },
    query: listChangesQuery,
    responses: {
      200: { description: "One page of changes and the cursor to continue from.", schema: changePageSchema },
      404: "No such segment.",
      422: "Invalid cursor or limit.",
    },
  },
  {
    method: "get",
    path: "/api/v1/users/{user_id}/segments",
    operationId: "listUserSegments",
    scope: "users:read",
    summary: "The segments a user belongs to, with confidence, source and reason",
    tags: ["Users"],
    pathParams: { user_id: "The user's id." },
    responses: {
      200: { description: "The user's memberships, highest priority first.", schema: userSegmentListSchema },
      404: "No such user.",
      422: "The id is not a UUID.",
    },
  },
];
