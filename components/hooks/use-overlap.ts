"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type SegmentOverlap = ApiSchema<"SegmentOverlap">;

/** Pairwise shared members of 2 to 10 segments; nothing is asked for until two are chosen. */
export function useOverlap(segmentIds: string[]) {
  return useQuery({
    queryKey: ["overlap", segmentIds],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/segments/overlap", {
          params: { query: { segment_ids: segmentIds.join(",") } },
          signal,
        }),
      ),
    enabled: segmentIds.length >= 2 && segmentIds.length <= 10,
    placeholderData: keepPreviousData,
  });
}
