import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { deliverySchema } from "@/lib/webhooks/schemas";
import { retryDelivery } from "@/lib/webhooks/service";

type Params = { webhookId: string; deliveryId: string };

// POST /api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/retry - send a delivery again now, same webhook-id
export const POST = withApi<Params>({ scope: "admin" }, async ({ params }) => {
  const webhookId = parseId(params.webhookId, "webhook_id");
  const deliveryId = parseId(params.deliveryId, "delivery_id");
  return json(deliverySchema, await retryDelivery(webhookId, deliveryId), 202);
});

export * from "@/lib/api/method-not-allowed";
