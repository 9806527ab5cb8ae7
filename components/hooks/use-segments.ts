"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { CreateSegmentInput, segmentPageSchema, segmentSchema } from "@/lib/segments/schemas";

export type Segment = z.infer<typeof segmentSchema>;
export type SegmentPage = z.infer<typeof segmentPageSchema>;
export type SegmentListItem = SegmentPage["items"][number];

export interface SegmentListParams {
  persona_id?: string;
  status?: string;
  strategy?: string;
  membership_mode?: string;
  search?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

export function useSegments(params: SegmentListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["segments", params],
    queryFn: ({ signal }) =>
      apiFetch<SegmentPage>(`/api/v1/segments${toQueryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The body of POST /segments as the builder sends it (defaults are filled in by the API). */
export type NewSegment = Omit<CreateSegmentInput, "strategy" | "status" | "membership_mode" | "priority"> &
  Partial<Pick<CreateSegmentInput, "strategy" | "status" | "membership_mode" | "priority">>;

export function useCreateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSegment) => apiFetch<Segment>("/api/v1/segments", { method: "POST", json: body }),
    onSuccess: (segment) => {
      queryClient.setQueryData(["segments", { id: segment.id }], segment);
      return queryClient.invalidateQueries({ queryKey: ["segments"] });
    },
  });
}
