"use client";

import { useState } from "react";
import { useAnalyzeSegment } from "@/components/hooks/use-analytics";
import type { Segment } from "@/components/hooks/use-segments";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { BusyBar } from "@/components/ui/progress-bar";
import { Announcer } from "@/components/ui/states";

/** Runs the analysis; the button stays disabled while it runs so it cannot be started twice. */
export function AnalyzePanel({ segment }: { segment: Segment }) {
  const analyze = useAnalyzeSegment(segment.id);
  const [announcement, setAnnouncement] = useState("");

  const run = () => {
    setAnnouncement("Analyzing segment…");
    analyze.mutate(undefined, {
      onSuccess: () => setAnnouncement("Analysis complete. The figures are up to date."),
      onError: (error) => setAnnouncement(`Analysis failed: ${error.message}`),
    });
  };

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex items-center gap-3">
        {segment.membership_mode === "dynamic" ? (
          <p className="text-sm text-slate-600">Members fresh as of: {formatDateTime(segment.fresh_as_of)}</p>
        ) : null}
        <p className="text-sm text-slate-600">Last analyzed: {formatDateTime(segment.last_analyzed_at)}</p>
        <Button onClick={run} disabled={analyze.isPending}>
          {analyze.isPending ? "Analyzing…" : "Analyze"}
        </Button>
      </div>
      {analyze.isPending ? (
        <div className="w-64">
          <BusyBar label="Analyzing segment" />
        </div>
      ) : null}
      {analyze.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {analyze.error.message}
        </p>
      ) : null}
      {analyze.isSuccess ? <p className="text-sm text-emerald-700">Analysis complete.</p> : null}
      <Announcer message={announcement} />
    </div>
  );
}
