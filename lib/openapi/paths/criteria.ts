import { criteriaFieldsSchema, estimateRequestSchema, estimateSchema } from "@/lib/criteria/api-schemas";
import { discoverRequestSchema, discoverResultSchema } from "@/lib/discovery/schemas";
import { jobSchema } from "@/lib/jobs/schemas";
import {
  explainSchema,
  refreshQuery,
  refreshResultSchema,
  revisionPageSchema,
  revisionsQuery,
} from "@/lib/segments/schemas";
import type { Operation } from "../operation";

const segmentId = { segment_id: "The segment's id." };
const tags = ["Criteria"];

export const criteriaOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/segments/estimate",
    operationId: "estimateAudience",
    scope: "segments:read",
    summary: "Estimate the audience of criteria",
    description: "Counts the users the criteria select right now (exactly, with the same SQL as membership).",
    tags,
    body: estimateRequestSchema,
    responses: {
      200: { description: "The audience size and a sample.", schema: estimateSchema },
      422: "Invalid criteria (the errors name each path), or the persona does not exist.",
    },
  },
  {
    method: "post",
    path: "/api/v1/segments/discover",
    operationId: "discoverSegments",
    scope: "segments:read",
    summary: "Propose segments found by clustering a sample of profiles",
    description:
      "Draws up to `sample_size` profiles (seeded, in the database), standardizes the numeric fields and " +
      "one-hot encodes the categorical ones, clusters them with k-means (k by silhouette, 2–12, unless " +
      "given) and describes each cluster as criteria with a shallow decision tree. `precision` and `recall` " +
      "say how well the criteria reproduce the cluster on the sample; `size` is the criteria's exact audience " +
      "on all users. See docs/intelligence.md.",
    tags,
    body: discoverRequestSchema,
    bodyRequired: false,
    responses: {
      200: { description: "The proposals, largest cluster first.", schema: discoverResultSchema },
      422: "Invalid input (the errors name each field).",
    },
  },
  {
    method: "get",
    path: "/api/v1/segments/criteria/fields",
    operationId: "listCriteriaFields",
    scope: "segments:read",
    summary: "Fields, operators, present values and trait keys for the criteria builder",
    tags,
    responses: { 200: { description: "The field catalogue.", schema: criteriaFieldsSchema } },
  },
  {
    method: "post",
    path: "/api/v1/segments/{segment_id}/refresh",
    operationId: "refreshSegment",
    scope: "segments:write",
    summary: "Recompute the segment's members from its criteria",
    description:
      "Adds users who match (source `criteria`), removes criteria members who no longer match, never removes " +
      "manual members, and records every join and leave. Refreshes of one segment run one at a time. " +
      "A big refresh (REFRESH_ASYNC_MIN_USERS users to scan or members, default 20,000), or any with " +
      "`async=true`, runs as a background job in slices of REFRESH_BATCH_SIZE users, each its own short " +
      "transaction: the answer is 202 with the job (and a `Location` to poll); its `result` is this " +
      "RefreshResult. A segment already refreshing in the background answers with that job.",
    tags,
    pathParams: segmentId,
    query: refreshQuery,
    responses: {
      200: { description: "What changed.", schema: refreshResultSchema },
      202: {
        description: "Accepted as a background job; poll `GET /api/v1/jobs/{job_id}`.",
        schema: jobSchema,
      },
      404: "No such segment.",
      422: "`async` is neither `true` nor `false`.",
      503: "The refresh ran past the statement timeout (PostgreSQL) and was rolled back.",
    },
  },
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}/explain/{user_id}",
    operationId: "explainMembership",
    scope: "segments:read",
    summary: "Why a user does or does not match the segment's criteria",
    tags,
    pathParams: { ...segmentId, user_id: "The user's id." },
    responses: {
      200: { description: "Each condition with the user's value.", schema: explainSchema },
      404: "No such segment or user.",
    },
  },
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}/revisions",
    operationId: "listSegmentRevisions",
    scope: "segments:read",
    summary: "Every change to the segment's definition, newest first",
    tags,
    pathParams: segmentId,
    query: revisionsQuery,
    responses: {
      200: { description: "A page of revisions.", schema: revisionPageSchema },
      404: "No such segment.",
      422: "Invalid query.",
    },
  },
];
