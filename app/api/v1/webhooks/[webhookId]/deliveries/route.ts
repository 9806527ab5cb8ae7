import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { deliveryPageSchema, listDeliveriesQuery } from "@/lib/webhooks/schemas";
import { listDeliveries } from "@/lib/webhooks/service";

type Params = { webhookId: string };

// GET /api/v1/webhooks/{webhook_id}/deliveries - the delivery log: status, attempts, last error, latency
export const GET = withApi<Params>({ scope: "admin" }, async ({ params, searchParams }) => {
  const id = parseId(params.webhookId, "webhook_id");
  return json(deliveryPageSchema, await listDeliveries(id, parseQuery(searchParams, listDeliveriesQuery)));
});

export * from "@/lib/api/method-not-allowed";
