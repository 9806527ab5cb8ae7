"use client";

import { useState } from "react";
import { usePersonalizedContent } from "@/components/hooks/use-personalized-content";
import type { Segment } from "@/components/hooks/use-segments";
import { Button } from "@/components/ui/button";
import { Announcer, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { AddVariantDialog } from "./add-variant-dialog";
import { ExperimentSection } from "./experiment-result";
import { PersonalizedContentList } from "./personalized-content-list";

export function ContentTab({ segment }: { segment: Segment }) {
  const content = usePersonalizedContent(segment.id);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const hasControl = content.data?.items.some((item) => item.is_control) ?? false;

  return (
    <div className="space-y-8">
      <Announcer message={announcement} />
      <section aria-labelledby="content-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="content-heading" className="text-lg font-semibold">
            Personalized content
          </h2>
          <Button onClick={() => setAdding(true)}>Add variant</Button>
        </div>
        {announcement ? <p className="text-sm text-slate-700">{announcement}</p> : null}
        {content.isPending ? (
          <LoadingState label="Loading content…" />
        ) : content.isError ? (
          <ErrorState error={content.error} onRetry={() => content.refetch()} />
        ) : content.data.items.length === 0 ? (
          <EmptyState title="No personalized content yet">
            Add a control group and one or more variants to start an A/B test.
          </EmptyState>
        ) : (
          <PersonalizedContentList items={content.data.items} />
        )}
      </section>
      <ExperimentSection segmentId={segment.id} />
      <AddVariantDialog
        segmentId={segment.id}
        open={adding}
        hasControl={hasControl}
        onClose={() => setAdding(false)}
        onAdded={setAnnouncement}
      />
    </div>
  );
}
