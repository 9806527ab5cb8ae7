import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json, noContent } from "@/lib/api/response";
import { updateWebhookSchema, webhookSchema, webhookWithSecretSchema } from "@/lib/webhooks/schemas";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/service";

type Params = { webhookId: string };

// GET /api/v1/webhooks/{webhook_id} - get a webhook (without its secret)
export const GET = withApi<Params>({ scope: "admin" }, async ({ params }) => {
  return json(webhookSchema, await getWebhook(parseId(params.webhookId, "webhook_id")));
});

// PATCH /api/v1/webhooks/{webhook_id} - change a webhook; a new secret is shown in the answer, once
export const PATCH = withApi<Params>({ scope: "admin" }, async ({ req, params }) => {
  const id = parseId(params.webhookId, "webhook_id");
  const patch = await readJson(req, updateWebhookSchema);
  const webhook = await updateWebhook(id, patch);
  return json("secret" in webhook ? webhookWithSecretSchema : webhookSchema, webhook);
});

// DELETE /api/v1/webhooks/{webhook_id} - delete a webhook and its delivery log
export const DELETE = withApi<Params>({ scope: "admin" }, async ({ params }) => {
  await deleteWebhook(parseId(params.webhookId, "webhook_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
