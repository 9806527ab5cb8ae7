"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useOverlap } from "@/components/hooks/use-overlap";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { OverlapHeatmap } from "./overlap-heatmap";
import { OverlapPairsTable } from "./overlap-pairs-table";
import { MAX_SEGMENTS, SegmentPicker } from "./segment-picker";

/** Overlap of chosen segments; the choice is kept in the URL (?segment_ids=a,b,c) to share it. */
export function OverlapView() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // Held here as well as in the URL: a checkbox must follow the click at once, not when the URL has changed.
  const [selected, setSelected] = useState(() =>
    (searchParams.get("segment_ids") ?? "").split(",").filter(Boolean).slice(0, MAX_SEGMENTS),
  );
  const overlap = useOverlap(selected);

  const select = (ids: string[]) => {
    setSelected(ids);
    const query = ids.length ? `?segment_ids=${ids.join(",")}` : "";
    router.replace(`${pathname}${query}`, { scroll: false });
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Segment overlap</h1>
        <p className="text-sm text-slate-600">
          See how many members your segments share, to avoid sending one person competing content.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <SegmentPicker selected={selected} onChange={select} />
        <section aria-labelledby="overlap-heading" className="space-y-4">
          <h2 id="overlap-heading" className="text-lg font-semibold">
            Overlap heat map
          </h2>
          {selected.length < 2 ? (
            <EmptyState title="Choose at least two segments">
              The heat map shows the members each pair shares, with their Jaccard index.
            </EmptyState>
          ) : overlap.isPending ? (
            <LoadingState label="Computing the overlap…" />
          ) : overlap.isError ? (
            <ErrorState error={overlap.error} onRetry={() => overlap.refetch()} />
          ) : (
            <div className="space-y-6" aria-busy={overlap.isFetching}>
              <div className="rounded-lg border border-slate-200 bg-white p-4">
                <OverlapHeatmap overlap={overlap.data} />
              </div>
              <OverlapPairsTable overlap={overlap.data} />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
