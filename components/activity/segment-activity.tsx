"use client";

import { useAuditLog } from "@/components/hooks/use-audit-log";
import { Link } from "@/components/ui/link";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ActivityTable } from "./activity-table";

const RECENT = 10;

/** The segment's latest changes (its definition, members, experiment), with a link to the full list. */
export function SegmentActivity({ segmentId }: { segmentId: string }) {
  const log = useAuditLog({ resource_id: segmentId, limit: RECENT });
  const entries = log.data?.pages[0]?.items ?? [];
  return (
    <section aria-labelledby="segment-activity-heading" className="space-y-3">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="segment-activity-heading" className="text-lg font-semibold">
          Activity
        </h2>
        <Link
          href={`/activity?resource_id=${segmentId}`}
          className="text-sm text-indigo-700 underline hover:text-indigo-900"
        >
          All activity of this segment
        </Link>
      </div>
      {log.isPending ? (
        <LoadingState label="Loading activity…" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} />
      ) : entries.length === 0 ? (
        <p className="text-sm text-slate-600">No changes recorded yet.</p>
      ) : (
        <ActivityTable entries={entries} caption="Latest changes to this segment" showResource={false} />
      )}
    </section>
  );
}
