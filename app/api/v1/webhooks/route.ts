import { withApi } from "@/lib/api/handler";
import { parseQuery, readJson } from "@/lib/api/request";
import { created, json } from "@/lib/api/response";
import {
  createWebhookSchema,
  listWebhooksQuery,
  webhookListSchema,
  webhookWithSecretSchema,
} from "@/lib/webhooks/schemas";
import { createWebhook, listWebhooks } from "@/lib/webhooks/service";

// GET /api/v1/webhooks - list webhooks, optionally those that receive one segment's changes
export const GET = withApi({ scope: "admin" }, async ({ searchParams }) => {
  const query = parseQuery(searchParams, listWebhooksQuery);
  return json(webhookListSchema, await listWebhooks(query.segment_id));
});

// POST /api/v1/webhooks - create a webhook; the answer shows its signing secret, once
export const POST = withApi({ scope: "admin" }, async ({ req }) => {
  const webhook = await createWebhook(await readJson(req, createWebhookSchema));
  return created(webhookWithSecretSchema, webhook, `/api/v1/webhooks/${webhook.id}`);
});

export * from "@/lib/api/method-not-allowed";
