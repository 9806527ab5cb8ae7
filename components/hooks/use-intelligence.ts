"use client";

import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/client/api";
import type { ForecastMetric } from "@/lib/forecast/schemas";
import { contentTabQueries } from "@/lib/personalized/content-tab-queries";

export type { ForecastMetric, SegmentForecast } from "@/lib/forecast/schemas";
export type { Insights, SegmentRank } from "@/lib/intelligence/insight-schemas";
export type { ContentRecommendation } from "@/lib/intelligence/recommendation-schemas";

export function useSegmentForecast(
  segmentId: string,
  metric: ForecastMetric,
  horizon: number,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ["forecast", { segment_id: segmentId, metric, horizon }],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/forecast", {
          params: { path: { segment_id: segmentId }, query: { metric, horizon } },
        }),
      ),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useContentRecommendations(segmentId: string) {
  return useQuery({
    queryKey: ["content-recommendations", { segment_id: segmentId }],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/content-recommendations", {
          params: { path: { segment_id: segmentId }, query: contentTabQueries.contentRecommendations },
        }),
      ),
  });
}

export function useInsights() {
  return useQuery({
    queryKey: ["insights", {}],
    queryFn: () => unwrap(api.GET("/api/v1/insights", { params: { query: { limit: 20 } } })),
  });
}
