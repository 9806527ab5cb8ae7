"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/client/api";

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
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/analytics", {
          params: { path: { segment_id: segmentId }, query: { days } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

/** Runs the analysis: fresh figures, and the segment's last_analyzed_at and estimated_size change. */
export function useAnalyzeSegment(segmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/segments/{segment_id}/analyze", { params: { path: { segment_id: segmentId } } }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["analytics", { segment_id: segmentId }] }),
        queryClient.invalidateQueries({ queryKey: ["segments"] }),
        queryClient.invalidateQueries({ queryKey: ["segment"] }),
      ]),
  });
}
