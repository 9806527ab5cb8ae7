"use client";

import { useSegment } from "@/components/hooks/use-segment";
import { Link } from "@/components/ui/link";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ApiProblem } from "@/lib/client/api-client";
import { SegmentBuilder } from "./segment-builder";

/** The builder on an existing segment: loads it, then edits name, criteria and settings in place. */
export function EditSegment({ segmentId }: { segmentId: string }) {
  const segment = useSegment(segmentId);
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/segments/${segmentId}`} className="text-sm text-indigo-700 hover:underline">
          ← Back to the segment
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {segment.data ? `Edit “${segment.data.segment_name}”` : "Edit segment"}
        </h1>
      </div>
      {segment.isPending ? (
        <LoadingState label="Loading the segment…" />
      ) : segment.isError ? (
        segment.error instanceof ApiProblem && segment.error.status === 404 ? (
          <ErrorState error={new Error("This segment does not exist (it may have been deleted).")} />
        ) : (
          <ErrorState error={segment.error} onRetry={() => segment.refetch()} />
        )
      ) : (
        <SegmentBuilder key={segment.data.id} segment={segment.data} />
      )}
    </div>
  );
}
