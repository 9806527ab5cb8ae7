import {
  createWebhookSchema,
  deliveryPageSchema,
  deliverySchema,
  listDeliveriesQuery,
  listWebhooksQuery,
  updateWebhookSchema,
  webhookListSchema,
  webhookSchema,
  webhookWithSecretSchema,
} from "@/lib/webhooks/schemas";
import type { Operation } from "../operation";

const tags = ["Webhooks"];
const webhookId = { webhook_id: "The webhook's id." };

export const webhookOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    scope: "admin",
    summary: "Create a webhook",
    description:
      "Sends the chosen segments' changes (`segment_ids` empty: every segment) to `url`, signed by the " +
      "Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The answer shows the " +
      "secret, generated when not given; later reads show only its last characters. With AUTH_MODE=required, " +
      "URLs that resolve to private or loopback addresses are refused (unless WEBHOOK_ALLOW_PRIVATE=true).",
    tags,
    body: createWebhookSchema,
    responses: {
      201: { description: "The webhook, with its secret.", schema: webhookWithSecretSchema },
      422: "Invalid body, a refused URL or an unknown segment (the field is named).",
    },
  },
  {
    method: "get",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    scope: "admin",
    summary: "List webhooks",
    tags,
    query: listWebhooksQuery,
    responses: {
      200: { description: "The webhooks, oldest first.", schema: webhookListSchema },
      422: "Invalid query parameters.",
    },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{webhook_id}",
    operationId: "getWebhook",
    scope: "admin",
    summary: "Get a webhook",
    tags,
    pathParams: webhookId,
    responses: {
      200: { description: "The webhook (without its secret).", schema: webhookSchema },
      404: "No such webhook.",
      422: "The id is not a UUID.",
    },
  },
  {
    method: "patch",
    path: "/api/v1/webhooks/{webhook_id}",
    operationId: "updateWebhook",
    scope: "admin",
    summary: "Change a webhook",
    description: "Any subset of the fields. A new `secret` is shown in this answer only.",
    tags,
    pathParams: webhookId,
    body: updateWebhookSchema,
    responses: {
      200: { description: "The webhook.", schema: webhookWithSecretSchema.or(webhookSchema) },
      404: "No such webhook.",
      422: "Invalid body, a refused URL or an unknown segment.",
    },
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{webhook_id}",
    operationId: "deleteWebhook",
    scope: "admin",
    summary: "Delete a webhook and its delivery log",
    tags,
    pathParams: webhookId,
    responses: { 204: { description: "Deleted." }, 404: "No such webhook.", 422: "The id is not a UUID." },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{webhook_id}/deliveries",
    operationId: "listWebhookDeliveries",
    scope: "admin",
    summary: "The webhook's delivery log, newest first",
    description: "Each delivery's status, attempts, last error, last HTTP status and latency.",
    tags,
    pathParams: webhookId,
    query: listDeliveriesQuery,
    responses: {
      200: { description: "One page of deliveries.", schema: deliveryPageSchema },
      404: "No such webhook.",
      422: "Invalid query parameters.",
    },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{webhook_id}/test",
    operationId: "sendWebhookTest",
    scope: "admin",
    summary: "Send a test message",
    description: "Queues a signed `webhook.test` message; it appears in the delivery log.",
    tags,
    pathParams: webhookId,
    responses: {
      202: { description: "The queued delivery.", schema: deliverySchema },
      404: "No such webhook.",
      422: "The id is not a UUID.",
    },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/retry",
    operationId: "retryWebhookDelivery",
    scope: "admin",
    summary: "Send a delivery again",
    description:
      "Sends a failed (or waiting) delivery again now, with the same `webhook-id`, and starts its retry " +
      "window anew.",
    tags,
    pathParams: { ...webhookId, delivery_id: "The delivery's id." },
    responses: {
      202: { description: "The delivery, pending again.", schema: deliverySchema },
      404: "No such webhook or delivery.",
      409: "The delivery was delivered already.",
      422: "An id is not a UUID.",
    },
  },
];
