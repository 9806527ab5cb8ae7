"use client";

import { isJobActive, useSegmentRefreshJob } from "@/components/hooks/use-jobs";
import { ProgressBar } from "@/components/ui/progress-bar";

/** While a background refresh of the segment runs (from any tab or client), its progress. */
export function RefreshJobProgress({ segmentId }: { segmentId: string }) {
  const job = useSegmentRefreshJob(segmentId);
  if (!job.data || !isJobActive(job.data)) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <ProgressBar
        label="Refreshing members from criteria"
        value={Math.round(job.data.progress * 100)}
        max={100}
      />
    </div>
  );
}
