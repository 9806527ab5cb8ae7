import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { deliverySchema } from "@/lib/webhooks/schemas";
import { sendTestDelivery } from "@/lib/webhooks/service";

type Params = { webhookId: string };

// POST /api/v1/webhooks/{webhook_id}/test - queue a signed `webhook.test` message to the webhook
export const POST = withApi<Params>({ scope: "admin" }, async ({ params }) => {
  return json(deliverySchema, await sendTestDelivery(parseId(params.webhookId, "webhook_id")), 202);
});

export * from "@/lib/api/method-not-allowed";
