"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { ExperimentMetric } from "@/lib/experiments/evaluate-experiment";
import type { ExperimentResult } from "@/lib/experiments/schemas";

export type { ExperimentMetric, ExperimentStatus } from "@/lib/experiments/evaluate-experiment";
export type { ExperimentResult } from "@/lib/experiments/schemas";
export type ExperimentArm = ExperimentResult["variants"][number];

export function useExperiment(segmentId: string, metric: ExperimentMetric) {
  const params = { segment_id: segmentId, metric };
  return useQuery({
    queryKey: ["experiment", params],
    queryFn: () =>
      apiFetch<ExperimentResult>(`/api/v1/segments/${segmentId}/experiment${toQueryString({ metric })}`),
    placeholderData: keepPreviousData,
  });
}
