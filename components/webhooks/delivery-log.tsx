"use client";

import { useRetryDelivery, useWebhookDeliveries } from "@/components/hooks/use-webhooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTimeToSecond } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

const statusTone = { delivered: "green", pending: "amber", failed: "red" } as const;

function describeMembers(payload: Record<string, unknown>): string {
  const data = payload.data as { members?: unknown[]; segment_name?: string } | undefined;
  const count = data?.members?.length;
  const segment = data?.segment_name ? ` · ${data.segment_name}` : "";
  return count ? `${count} member${count === 1 ? "" : "s"}${segment}` : segment.replace(" · ", "");
}

/** One webhook's deliveries, newest first: status, attempts, last error, latency, and Retry. */
export function DeliveryLog({ webhookId, url }: { webhookId: string; url: string }) {
  const deliveries = useWebhookDeliveries(webhookId);
  const retry = useRetryDelivery(webhookId);
  if (deliveries.isPending) return <LoadingState label="Loading deliveries…" />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  const items = deliveries.data.items;
  return (
    <section aria-labelledby={`log-${webhookId}`} className="space-y-2">
      <h2 id={`log-${webhookId}`} className="font-semibold">
        Delivery log <span className="font-normal text-slate-600">· {url}</span>
      </h2>
      {items.length === 0 ? (
        <EmptyState title="No deliveries yet">
          Changes to its segments, and test messages, appear here.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Deliveries of {url}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Created
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Event
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Attempts
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Last result
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Latency
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((delivery) => (
                <tr key={delivery.id} className="border-t border-slate-100">
                  <td className="px-3 py-2 whitespace-nowrap">
                    {formatDateTimeToSecond(delivery.created_at)}
                  </td>
                  <td className="px-3 py-2">
                    <div className="font-mono text-xs">{delivery.event_type}</div>
                    <div className="text-xs text-slate-600">{describeMembers(delivery.payload)}</div>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={statusTone[delivery.status]}>{delivery.status}</Badge>
                    {delivery.status === "pending" && delivery.next_attempt_at && delivery.attempts > 0 ? (
                      <div className="text-xs text-slate-600">
                        next try {formatDateTimeToSecond(delivery.next_attempt_at)}
                      </div>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{delivery.attempts}</td>
                  <td className="px-3 py-2 text-xs">
                    {delivery.last_error ??
                      (delivery.last_status_code ? `HTTP ${delivery.last_status_code}` : "—")}
                  </td>
                  <td className="px-3 py-2">
                    {delivery.last_latency_ms === null ? "—" : `${delivery.last_latency_ms} ms`}
                  </td>
                  <td className="px-3 py-2 text-right">
                    {delivery.status !== "delivered" ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={retry.isPending}
                        onClick={() => retry.mutate(delivery.id)}
                        aria-label={`Retry delivery created ${formatDateTimeToSecond(delivery.created_at)}`}
                      >
                        Retry
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
