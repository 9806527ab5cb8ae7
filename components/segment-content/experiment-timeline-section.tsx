"use client";

import dynamic from "next/dynamic";
import { useExperimentTimeline } from "@/components/hooks/use-experiment";
import { useNearViewport } from "@/components/hooks/use-near-viewport";
import type { PersonalizedContent } from "@/components/hooks/use-personalized-content";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ExperimentHistory } from "./experiment-history";
import { contentArmLabel } from "./experiment-labels";

// recharts is large: it is fetched only when this section comes near the viewport and has something to draw,
// so the segment page's first load stays light.
const ExperimentTimelineCharts = dynamic(() => import("./experiment-timeline-charts"), {
  ssr: false,
  loading: () => <LoadingState label="Loading the charts…" />,
});

/** Exposures and allocations over time, and the list of every change to the experiment. */
export function ExperimentTimelineSection({
  segmentId,
  items,
}: {
  segmentId: string;
  items: PersonalizedContent[];
}) {
  const timeline = useExperimentTimeline(segmentId);
  const { ref, near } = useNearViewport<HTMLElement>();
  const arms = items.map((item) => ({
    id: item.id,
    label: contentArmLabel(item),
    isControl: item.is_control,
  }));
  const armLabels = new Map(arms.map((arm) => [arm.id, arm.label]));
  return (
    <section ref={ref} aria-labelledby="timeline-heading" className="space-y-4">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Experiment over time
      </h2>
      {timeline.isPending ? (
        <LoadingState label="Loading the timeline…" />
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} />
      ) : (
        <>
          {timeline.data.exposures.length === 0 && timeline.data.allocations.length === 0 ? (
            <EmptyState title="Nothing to draw yet">
              Exposures and allocations appear here once decide shows users an arm.
            </EmptyState>
          ) : near ? (
            <ExperimentTimelineCharts timeline={timeline.data} arms={arms} />
          ) : null}
          <ExperimentHistory history={timeline.data.history} armLabels={armLabels} />
        </>
      )}
    </section>
  );
}
