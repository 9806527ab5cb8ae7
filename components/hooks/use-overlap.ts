"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { SegmentOverlap } from "@/lib/overlap/schemas";

export type { SegmentOverlap };

/** Pairwise shared members of 2 to 10 segments; nothing is asked for until two are chosen. */
export function useOverlap(segmentIds: string[]) {
  return useQuery({
    queryKey: ["overlap", segmentIds],
    queryFn: ({ signal }) =>
      apiFetch<SegmentOverlap>(
        `/api/v1/segments/overlap${toQueryString({ segment_ids: segmentIds.join(",") })}`,
        { signal },
      ),
    enabled: segmentIds.length >= 2 && segmentIds.length <= 10,
    placeholderData: keepPreviousData,
  });
}
