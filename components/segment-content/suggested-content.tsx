"use client";

import { useContentRecommendations } from "@/components/hooks/use-intelligence";
import { Button } from "@/components/ui/button";
import { formatShare } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

/** Content not used here yet, ranked by its expected engagement in this segment, each with its reason. */
export function SuggestedContent({
  segmentId,
  onAdd,
}: {
  segmentId: string;
  onAdd: (contentId: string) => void;
}) {
  const suggestions = useContentRecommendations(segmentId);
  return (
    <section aria-labelledby="suggested-heading" className="space-y-3">
      <h2 id="suggested-heading" className="text-lg font-semibold">
        Suggested content
      </h2>
      <p className="text-sm text-slate-600">
        Content this segment does not use yet, by its expected engagement here: how it did in other segments,
        weighted by how alike they are, and held back toward the average when it has few views.
      </p>
      {suggestions.isPending ? (
        <LoadingState label="Loading suggestions…" />
      ) : suggestions.isError ? (
        <ErrorState error={suggestions.error} onRetry={() => suggestions.refetch()} />
      ) : suggestions.data.items.length === 0 ? (
        <EmptyState title="No suggestions yet">
          Suggestions come from content that has views in other segments.
        </EmptyState>
      ) : (
        <ul className="space-y-2">
          {suggestions.data.items.map((item) => (
            <li
              key={item.content_id}
              className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3"
            >
              <div className="min-w-0 space-y-1">
                <h3 className="font-medium text-slate-900">{item.title}</h3>
                <p className="text-sm text-slate-800">
                  Expected engagement {formatShare(item.expected_engagement)} (95% interval{" "}
                  {formatShare(item.lower_95)} to {formatShare(item.upper_95)})
                </p>
                <p className="text-sm text-slate-600">{item.reason}</p>
              </div>
              <Button variant="secondary" onClick={() => onAdd(item.content_id)}>
                Add as variant<span className="sr-only"> {item.title}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
