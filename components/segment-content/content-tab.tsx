"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Can } from "@/components/auth/can";
import { useExperiment } from "@/components/hooks/use-experiment";
import { useContentRecommendations } from "@/components/hooks/use-intelligence";
import {
  type PersonalizedContent,
  usePersonalizedContent,
} from "@/components/hooks/use-personalized-content";
import type { Segment } from "@/components/hooks/use-segments";
import { PreviewPanel } from "@/components/preview/preview-panel";
import { Button } from "@/components/ui/button";
import { Announcer, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { AddVariantDialog } from "./add-variant-dialog";
import { ExperimentControls } from "./experiment-controls";
import { controlFirst } from "./experiment-labels";
import { ExperimentSection } from "./experiment-result";
import { ExperimentTimelineSection } from "./experiment-timeline-section";
import { PersonalizedContentList } from "./personalized-content-list";
import { SuggestedContent } from "./suggested-content";
import { TrafficSplitEditor } from "./traffic-split-editor";

export function ContentTab({ segment }: { segment: Segment }) {
  const content = usePersonalizedContent(segment.id);
  const [adding, setAdding] = useState(false);
  // The suggestion whose "Add as variant" opened the dialog (pre-selected there); undefined for the blank form.
  const [suggested, setSuggested] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const hasControl = content.data?.items.some((item) => item.is_control) ?? false;
  // The sections' first answers are awaited together and the tab appears in one piece: each arriving on its
  // own pushed the sections below it down (a layout shift of 0.3 on a desktop screen).
  const suggestions = useContentRecommendations(segment.id);
  const experiment = useExperiment(segment.id);
  if (content.isPending || suggestions.isPending || experiment.isPending) {
    return <LoadingState label="Loading content…" />;
  }

  return (
    <div className="space-y-8">
      <Announcer message={announcement} />
      <section aria-labelledby="content-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="content-heading" className="text-lg font-semibold">
            Personalized content
          </h2>
          <Can scope="content:write">
            <Button
              onClick={() => {
                setSuggested(undefined);
                setAdding(true);
              }}
            >
              Add variant
            </Button>
          </Can>
        </div>
        {announcement ? <p className="text-sm text-slate-700">{announcement}</p> : null}
        {content.isError ? (
          <ErrorState error={content.error} onRetry={() => content.refetch()} />
        ) : content.data.items.length === 0 ? (
          <EmptyState title="No personalized content yet">
            Add a control group and one or more variants to start an A/B test.
          </EmptyState>
        ) : (
          <PersonalizedContentList items={content.data.items} />
        )}
      </section>
      <SuggestedContent
        segmentId={segment.id}
        onAdd={(contentId) => {
          setSuggested(contentId);
          setAdding(true);
        }}
      />
      {content.data && content.data.items.length > 0 ? (
        <AbTestSection segmentId={segment.id} items={controlFirst(content.data.items)} />
      ) : null}
      <section aria-labelledby="preview-heading" className="space-y-3">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview as user
        </h2>
        <p className="text-sm text-slate-600">
          What this segment delivers to one user right now: decide's answer, without recording an exposure.
        </p>
        <PreviewPanel segmentId={segment.id} headingLevel={3} />
      </section>
      <ExperimentSection segmentId={segment.id} />
      {content.data && content.data.items.length > 0 ? (
        <ExperimentTimelineSection segmentId={segment.id} items={controlFirst(content.data.items)} />
      ) : null}
      <AddVariantDialog
        key={suggested ?? "blank"}
        segmentId={segment.id}
        open={adding}
        hasControl={hasControl}
        initialContentId={suggested}
        onClose={() => setAdding(false)}
        onAdded={(message) => {
          setAnnouncement(message);
          void queryClient.invalidateQueries({
            queryKey: ["content-recommendations", { segment_id: segment.id }],
          });
        }}
      />
    </div>
  );
}

/** Running the test: its status and allocation, promotion, and the split of new users between the arms. */
function AbTestSection({ segmentId, items }: { segmentId: string; items: PersonalizedContent[] }) {
  const experiment = useExperiment(segmentId);
  // Shown beside the controls that caused it (the tab is long), and read out by screen readers.
  const [message, setMessage] = useState("");
  return (
    <section aria-labelledby="ab-test-heading" className="space-y-4">
      <h2 id="ab-test-heading" className="text-lg font-semibold">
        A/B test
      </h2>
      {experiment.isPending ? (
        <LoadingState label="Loading the experiment…" />
      ) : experiment.isError ? (
        <ErrorState error={experiment.error} onRetry={() => experiment.refetch()} />
      ) : (
        <>
          <Can scope="segments:write">
            <ExperimentControls segmentId={segmentId} experiment={experiment.data} onDone={setMessage} />
          </Can>
          <p role="status" className="min-h-5 text-sm text-slate-700">
            {message}
          </p>
          <Can scope="content:write">
            <TrafficSplitEditor
              segmentId={segmentId}
              items={items}
              bandit={experiment.data.settings.allocation === "bandit"}
              onSaved={setMessage}
            />
          </Can>
        </>
      )}
    </section>
  );
}
