"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type ExperimentResult = ApiSchema<"ExperimentResult">;
export type ExperimentArm = ExperimentResult["variants"][number];
export type ExperimentMetric = ExperimentResult["metric"];
export type ExperimentStatus = ExperimentResult["status"];

export function useExperiment(segmentId: string, metric: ExperimentMetric) {
  const params = { segment_id: segmentId, metric };
  return useQuery({
    queryKey: ["experiment", params],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/experiment", {
          params: { path: { segment_id: segmentId }, query: { metric } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
