import { healthSchema } from "@/lib/health/schemas";
import {
  createSegmentSchema,
  listSegmentsQuery,
  segmentPageSchema,
  segmentSchema,
  updateSegmentSchema,
} from "@/lib/segments/schemas";
import type { Operation } from "../operation";

const segmentId = { segment_id: "The segment's id." };
const tags = ["Segments"];

export const segmentOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/segments",
    operationId: "createSegment",
    scope: "segments:write",
    summary: "Create a segment",
    description: "The trailing-slash form `/api/v1/segments/` is accepted too.",
    tags,
    body: createSegmentSchema,
    responses: {
      201: { description: "The new segment.", schema: segmentSchema },
      409: "A segment with this name already exists for the persona.",
      422: "Invalid body, or the persona does not exist.",
    },
  },
  {
    method: "get",
    path: "/api/v1/segments",
    operationId: "listSegments",
    scope: "segments:read",
    summary: "List segments",
    tags,
    query: listSegmentsQuery,
    responses: {
      200: { description: "A page of segments.", schema: segmentPageSchema },
      422: "Invalid query.",
    },
  },
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}",
    operationId: "getSegment",
    scope: "segments:read",
    summary: "Get a segment",
    tags,
    pathParams: segmentId,
    responses: { 200: { description: "The segment.", schema: segmentSchema }, 404: "No such segment." },
  },
  ...(["put", "patch"] as const).map(
    (method): Operation => ({
      method,
      path: "/api/v1/segments/{segment_id}",
      operationId: method === "put" ? "updateSegment" : "patchSegment",
      scope: "segments:write",
      summary: "Update a segment (any subset of its fields)",
      tags,
      pathParams: segmentId,
      body: updateSegmentSchema,
      responses: {
        200: { description: "The updated segment.", schema: segmentSchema },
        404: "No such segment.",
        409: "The new name is taken.",
        422: "Invalid body.",
      },
    }),
  ),
  {
    method: "delete",
    path: "/api/v1/segments/{segment_id}",
    operationId: "deleteSegment",
    scope: "segments:write",
    summary: "Delete a segment with its members and personalized content",
    tags,
    pathParams: segmentId,
    responses: { 204: { description: "Deleted." }, 404: "No such segment." },
  },
  {
    method: "get",
    path: "/api/v1/segments/health",
    operationId: "getHealth",
    scope: "public",
    summary: "Service health check",
    tags: ["Health"],
    responses: {
      200: { description: "The service and its database are up.", schema: healthSchema },
      503: { description: "The database cannot be reached.", schema: healthSchema },
    },
  },
];
