import { z } from "zod";
import {
  addMemberQuery,
  addMemberSchema,
  bulkAddMembersSchema,
  bulkAddResultSchema,
  bulkRemoveMembersSchema,
  bulkRemoveResultSchema,
  listMembersQuery,
  memberPageSchema,
  memberSchema,
} from "@/lib/members/schemas";
import type { Operation } from "../operation";

const segmentId = { segment_id: "The segment's id." };
const segmentAndUser = { ...segmentId, user_id: "The user's id." };
const tags = ["Members"];
const membersPath = "/api/v1/segments/{segment_id}/members";

export const membersOperations: Operation[] = [
  {
    method: "post",
    path: `${membersPath}/{user_id}`,
    operationId: "addMember",
    scope: "members:write",
    summary: "Add a user to a segment",
    description:
      "The confidence score may come as a query parameter (`?confidence_score=0.85`) or in the JSON body, which " +
      "may be left out (when both give it, the body wins). Adding a user who is a member already updates the score (and the reason, when given) " +
      "and answers 200. The member's source becomes `manual`, so a criteria refresh keeps it.",
    tags,
    pathParams: segmentAndUser,
    query: addMemberQuery,
    body: addMemberSchema,
    bodyRequired: false,
    responses: {
      201: { description: "The new member.", schema: memberSchema },
      200: { description: "The user was a member already; the updated member.", schema: memberSchema },
      404: "No such segment or user.",
      422: "An id is not a UUID, or the confidence score is outside [0, 1].",
    },
  },
  {
    method: "delete",
    path: `${membersPath}/{user_id}`,
    operationId: "removeMember",
    scope: "members:write",
    summary: "Remove a user from a segment",
    tags,
    pathParams: segmentAndUser,
    responses: { 204: { description: "Removed." }, 404: "No such segment, or the user is not a member." },
  },
  {
    method: "get",
    path: membersPath,
    operationId: "listMembers",
    scope: "segments:read",
    summary: "List a segment's members with their profile summaries",
    tags,
    pathParams: segmentId,
    query: listMembersQuery,
    responses: {
      200: { description: "A page of members.", schema: memberPageSchema },
      404: "No such segment.",
      422: "Invalid query.",
    },
  },
  {
    method: "post",
    path: membersPath,
    operationId: "addMembers",
    scope: "members:write",
    summary: "Add up to 10,000 users by id, email or external id",
    description:
      "All or nothing, in one transaction. Identifiers that match no user fail the request unless `skip_unknown`.",
    tags,
    pathParams: segmentId,
    body: bulkAddMembersSchema,
    responses: {
      200: { description: "What was added and updated.", schema: bulkAddResultSchema },
      404: "No such segment.",
      413: "The body is larger than 4 MiB.",
      422: "Invalid body, or identifiers that match no user (each named in `errors`).",
    },
  },
  {
    method: "post",
    path: `${membersPath}/remove`,
    operationId: "removeMembers",
    scope: "members:write",
    summary: "Remove up to 10,000 members by id, email or external id",
    tags,
    pathParams: segmentId,
    body: bulkRemoveMembersSchema,
    responses: {
      200: { description: "What was removed.", schema: bulkRemoveResultSchema },
      404: "No such segment.",
      413: "The body is larger than 4 MiB.",
      422: "Invalid body.",
    },
  },
  {
    method: "get",
    path: `${membersPath}/export`,
    operationId: "exportMembers",
    scope: "segments:read",
    summary: "Download a segment's members as CSV",
    description:
      "RFC 4180 CSV with a header row: user_id, email, external_id, name, confidence_score, source, joined_at; " +
      "in joining order.",
    tags,
    pathParams: segmentId,
    responses: {
      200: { description: "The members, as an attachment.", schema: z.string(), mediaType: "text/csv" },
      404: "No such segment.",
    },
  },
];
