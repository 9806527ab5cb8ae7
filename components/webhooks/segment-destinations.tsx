"use client";

import { useWebhooks } from "@/components/hooks/use-webhooks";
import { Link } from "@/components/ui/link";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { eventLabels } from "./webhook-form";

/** The webhooks that receive this segment's changes: its own and those for every segment. */
export function SegmentDestinations({ segmentId }: { segmentId: string }) {
  const webhooks = useWebhooks(segmentId);
  return (
    <section
      aria-labelledby="destinations-heading"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="destinations-heading" className="font-semibold">
        Destinations
      </h2>
      <p className="text-sm text-slate-600">
        Webhooks that receive this segment's changes. Manage them on the{" "}
        <Link href="/webhooks" className="text-indigo-700 underline">
          Webhooks page
        </Link>
        ; tools can also poll <code className="font-mono text-xs">/api/v1/segments/{segmentId}/changes</code>.
      </p>
      {webhooks.isPending ? (
        <LoadingState label="Loading destinations…" />
      ) : webhooks.isError ? (
        <ErrorState error={webhooks.error} onRetry={() => webhooks.refetch()} />
      ) : webhooks.data.items.length === 0 ? (
        <p className="text-sm text-slate-700">No webhook receives this segment's changes yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {webhooks.data.items.map((webhook) => (
            <li key={webhook.id} className="py-2">
              <span className="font-mono break-all">{webhook.url}</span>
              <span className="text-slate-600">
                {" "}
                · {webhook.segment_ids.length === 0 ? "all segments" : "this segment"} ·{" "}
                {webhook.events.map((event) => eventLabels[event]).join(", ")}
                {webhook.enabled ? "" : " · disabled"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
