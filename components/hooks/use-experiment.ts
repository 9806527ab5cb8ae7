"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { ExperimentMetric, ExperimentResult, VariantResult } from "@/lib/experiments/schemas";

export type { ExperimentMetric, ExperimentResult, ExperimentStatus } from "@/lib/experiments/schemas";
/** One group of the read-out as the page shows it. */
export type ExperimentArm = VariantResult;

export function useExperiment(segmentId: string, metric: ExperimentMetric) {
  const params = { segment_id: segmentId, metric };
  return useQuery({
    queryKey: ["experiment", params],
    queryFn: () =>
      apiFetch<ExperimentResult>(`/api/v1/segments/${segmentId}/experiment${toQueryString({ metric })}`),
    placeholderData: keepPreviousData,
  });
}
