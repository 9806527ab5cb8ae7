"use client";

import { useState } from "react";
import { type RefreshResult, useRefreshMembers } from "@/components/hooks/use-members";
import { Button } from "@/components/ui/button";
import { formatInteger } from "@/components/ui/format";
import { BusyBar, ProgressBar } from "@/components/ui/progress-bar";

const summarizeRefresh = (result: RefreshResult) =>
  `${formatInteger(result.added)} added, ${formatInteger(result.removed)} removed, ${formatInteger(result.unchanged)} unchanged; ${formatInteger(result.member_count)} members now.`;

/** Re-evaluates the criteria over all users and syncs the members (POST /refresh). */
export function PopulatePanel({
  segmentId,
  onDone,
}: {
  segmentId: string;
  onDone: (message: string) => void;
}) {
  const [progress, setProgress] = useState<number | undefined>();
  const refresh = useRefreshMembers(segmentId, setProgress);
  const run = () => {
    setProgress(undefined);
    refresh.mutate(undefined, {
      onSuccess: (result) => onDone(`Populated from criteria: ${summarizeRefresh(result)}`),
      onError: (error) => onDone(`Populating failed: ${error.message}`),
    });
  };
  return (
    <section
      aria-labelledby="populate-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="populate-heading" className="font-semibold">
        Populate from criteria
      </h3>
      <p className="text-sm text-slate-600">
        Adds every user who matches the segment's criteria and removes members who no longer do.
      </p>
      <Button variant="secondary" onClick={run} disabled={refresh.isPending}>
        {refresh.isPending ? "Populating…" : "Populate from criteria"}
      </Button>
      {refresh.isPending ? (
        progress === undefined ? (
          <BusyBar label="Populating from criteria" />
        ) : (
          <ProgressBar label="Populating from criteria" value={Math.round(progress * 100)} max={100} />
        )
      ) : null}
      {refresh.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {refresh.error.message}
        </p>
      ) : null}
      {refresh.isSuccess ? <p className="text-sm text-slate-700">{summarizeRefresh(refresh.data)}</p> : null}
    </section>
  );
}
