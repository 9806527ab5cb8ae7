"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type ExperimentResult = ApiSchema<"ExperimentResult">;
export type ExperimentArm = ExperimentResult["variants"][number];
export type ExperimentMetric = ExperimentResult["metric"];
export type ExperimentStatus = ExperimentResult["status"];
export type ExperimentSettings = ApiSchema<"ExperimentSettings">;
export type ExperimentSettingsUpdate = ApiSchema<"ExperimentSettingsUpdate">;
export type ExperimentTimeline = ApiSchema<"ExperimentTimeline">;

const segmentPath = (segmentId: string) => ({ path: { segment_id: segmentId } });

/** The read-out and settings; without a metric the API reads the experiment's primary metric. */
export function useExperiment(segmentId: string, metric?: ExperimentMetric) {
  const params = { segment_id: segmentId, metric };
  return useQuery({
    queryKey: ["experiment", params],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/experiment", {
          params: { ...segmentPath(segmentId), query: metric ? { metric } : {} },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Settings and weight history, allocations and daily exposures, for the charts and the history list. */
export function useExperimentTimeline(segmentId: string) {
  return useQuery({
    queryKey: ["experiment-timeline", { segment_id: segmentId }],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/experiment/timeline", { params: segmentPath(segmentId) }),
      ),
  });
}

/** Anything that changes an experiment changes its read-out, its timeline and (bandit, promote) its arms. */
function useInvalidateExperiment(segmentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["experiment", { segment_id: segmentId }] }),
      queryClient.invalidateQueries({ queryKey: ["experiment-timeline", { segment_id: segmentId }] }),
      queryClient.invalidateQueries({ queryKey: ["personalized-content", { segment_id: segmentId }] }),
    ]);
}

export function useUpdateExperiment(segmentId: string) {
  const invalidate = useInvalidateExperiment(segmentId);
  return useMutation({
    mutationFn: (body: ExperimentSettingsUpdate) =>
      unwrap(api.PUT("/api/v1/segments/{segment_id}/experiment", { params: segmentPath(segmentId), body })),
    onSuccess: invalidate,
  });
}

/** Without an arm the API promotes the significant best one, or answers 409 when there is none. */
export function usePromoteExperiment(segmentId: string) {
  const invalidate = useInvalidateExperiment(segmentId);
  return useMutation({
    mutationFn: (personalizedContentId?: string) =>
      unwrap(
        api.POST("/api/v1/segments/{segment_id}/experiment/promote", {
          params: segmentPath(segmentId),
          body: personalizedContentId ? { personalized_content_id: personalizedContentId } : {},
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useReallocateExperiment(segmentId: string) {
  const invalidate = useInvalidateExperiment(segmentId);
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/segments/{segment_id}/experiment/reallocate", { params: segmentPath(segmentId) }),
      ),
    onSuccess: invalidate,
  });
}
