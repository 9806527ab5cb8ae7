"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type Webhook = ApiSchema<"Webhook">;
export type WebhookWithSecret = ApiSchema<"WebhookWithSecret">;
export type WebhookDelivery = ApiSchema<"WebhookDelivery">;
export type WebhookInput = ApiSchema<"WebhookCreate">;

const webhookPath = (id: string) => ({ path: { webhook_id: id } });

/** Every webhook, or (with a segment) those that receive its changes. */
export function useWebhooks(segmentId?: string) {
  return useQuery({
    queryKey: ["webhooks", { segment_id: segmentId }],
    queryFn: () =>
      unwrap(api.GET("/api/v1/webhooks", { params: { query: segmentId ? { segment_id: segmentId } : {} } })),
  });
}

/** The delivery log while it is open: polled every 2 seconds while a delivery is pending, else every 5. */
export function useWebhookDeliveries(webhookId: string | null) {
  return useQuery({
    queryKey: ["webhook-deliveries", { webhook_id: webhookId }],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/webhooks/{webhook_id}/deliveries", {
          params: { ...webhookPath(webhookId!), query: { limit: 50 } },
        }),
      ),
    enabled: Boolean(webhookId),
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === "pending") ? 2_000 : 5_000,
  });
}

function useInvalidateWebhooks() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["webhooks"] }),
      queryClient.invalidateQueries({ queryKey: ["webhook-deliveries"] }),
    ]);
}

export function useCreateWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (body: Partial<WebhookInput> & { url: string }) =>
      unwrap(api.POST("/api/v1/webhooks", { body: body as WebhookInput })),
    onSuccess: invalidate,
  });
}

export function useUpdateWebhook(id: string) {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (body: Partial<WebhookInput>) =>
      unwrap(api.PATCH("/api/v1/webhooks/{webhook_id}", { params: webhookPath(id), body })),
    onSuccess: invalidate,
  });
}

export function useDeleteWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/webhooks/{webhook_id}", { params: webhookPath(id) })),
    onSuccess: invalidate,
  });
}

export function useSendTest(id: string) {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/webhooks/{webhook_id}/test", { params: webhookPath(id) })),
    onSuccess: invalidate,
  });
}

export function useRetryDelivery(webhookId: string) {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        api.POST("/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/retry", {
          params: { path: { webhook_id: webhookId, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: invalidate,
  });
}
