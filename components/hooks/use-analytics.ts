"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SegmentAnalytics } from "@/lib/analytics/schemas";
import { apiFetch, toQueryString } from "@/lib/client/api-client";

export type {
  EngagementTrendPoint,
  MemberGrowthPoint,
  Recommendation,
  SegmentAnalytics,
  TopContent as ContentPerformance,
} from "@/lib/analytics/schemas";

export function useSegmentAnalytics(segmentId: string, days: number) {
  return useQuery({
    queryKey: ["analytics", { segment_id: segmentId, days }],
    queryFn: () =>
      apiFetch<SegmentAnalytics>(`/api/v1/segments/${segmentId}/analytics${toQueryString({ days })}`),
    placeholderData: (previous) => previous,
  });
}

/** Runs the analysis: fresh figures, and the segment's last_analyzed_at and estimated_size change. */
export function useAnalyzeSegment(segmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<SegmentAnalytics>(`/api/v1/segments/${segmentId}/analyze`, { method: "POST" }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["analytics", { segment_id: segmentId }] }),
        queryClient.invalidateQueries({ queryKey: ["segments"] }),
        queryClient.invalidateQueries({ queryKey: ["segment"] }),
      ]),
  });
}
