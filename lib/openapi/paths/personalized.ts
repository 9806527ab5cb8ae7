import {
  createPersonalizedSchema,
  listPersonalizedQuery,
  performanceEventsResultSchema,
  performanceEventsSchema,
  performanceUpdateSchema,
  personalizedContentSchema,
  personalizedPageSchema,
  updatePersonalizedSchema,
} from "@/lib/personalized/schemas";
import type { Operation } from "../operation";

const personalizedId = { personalized_id: "The personalized content's id." };
const tags = ["Personalized content"];
const basePath = "/api/v1/segments/personalized";

export const personalizedOperations: Operation[] = [
  {
    method: "post",
    path: basePath,
    operationId: "createPersonalizedContent",
    scope: "content:write",
    summary: "Target a content item, or an A/B variant of it, at a segment",
    tags,
    body: createPersonalizedSchema,
    responses: {
      201: { description: "The new personalized content.", schema: personalizedContentSchema },
      409: "The segment already has this variant_id, or already has a control.",
      422: "Invalid body, or the content or segment does not exist.",
    },
  },
  {
    method: "get",
    path: basePath,
    operationId: "listPersonalizedContent",
    scope: "segments:read",
    summary: "List personalized content",
    tags,
    query: listPersonalizedQuery,
    responses: {
      200: { description: "A page of personalized content, newest first.", schema: personalizedPageSchema },
      422: "Invalid query.",
    },
  },
  {
    method: "get",
    path: `${basePath}/{personalized_id}`,
    operationId: "getPersonalizedContent",
    scope: "segments:read",
    summary: "Get personalized content with its performance",
    tags,
    pathParams: personalizedId,
    responses: {
      200: { description: "The personalized content.", schema: personalizedContentSchema },
      404: "No such personalized content.",
    },
  },
  {
    method: "patch",
    path: `${basePath}/{personalized_id}`,
    operationId: "updatePersonalizedContent",
    scope: "content:write",
    summary: "Change the variant, the control flag, the publication time or the traffic weight",
    description:
      "A new traffic_weight changes the share of new users the arm gets (weight / sum of the segment's weights); it " +
      "is recorded in the experiment history, and the new split in the allocations. Users already exposed keep their arm.",
    tags,
    pathParams: personalizedId,
    body: updatePersonalizedSchema,
    responses: {
      200: { description: "The updated personalized content.", schema: personalizedContentSchema },
      404: "No such personalized content.",
      409: "The segment already has this variant_id, or already has a control.",
      422: "Invalid body.",
    },
  },
  {
    method: "delete",
    path: `${basePath}/{personalized_id}`,
    operationId: "deletePersonalizedContent",
    scope: "content:write",
    summary: "Delete personalized content with its performance history",
    tags,
    pathParams: personalizedId,
    responses: { 204: { description: "Deleted." }, 404: "No such personalized content." },
  },
  {
    method: "post",
    path: `${basePath}/{personalized_id}/performance`,
    operationId: "updateContentPerformance",
    scope: "content:write",
    summary: "Set or increment views, engagement and conversions",
    description:
      "`set` (default) replaces the totals given and keeps the others; `increment` adds to them. Engagement and " +
      "conversions cannot exceed views. engagement_rate is recomputed, a snapshot is added to the history and the " +
      "change is added to today's (UTC) daily row.",
    tags,
    pathParams: personalizedId,
    body: performanceUpdateSchema,
    responses: {
      200: {
        description: "The personalized content with its new totals.",
        schema: personalizedContentSchema,
      },
      404: "No such personalized content.",
      422: "Invalid body, or engagement or conversions would exceed views.",
    },
  },
  {
    method: "post",
    path: `${basePath}/events`,
    operationId: "recordPerformanceEvents",
    scope: "events:write",
    summary: "Record a batch of up to 10,000 view, engagement and conversion events",
    description:
      "Each event counts for the UTC day of its occurred_at (default now). The whole batch is one transaction: " +
      "an unknown personalized_content_id fails it with 422, naming the event's index, and nothing is recorded.",
    tags,
    body: performanceEventsSchema,
    responses: {
      200: {
        description: "The new totals of every item the batch touched.",
        schema: performanceEventsResultSchema,
      },
      413: "The body is larger than 4 MiB.",
      422: "Invalid events, or an unknown personalized_content_id.",
    },
  },
];
