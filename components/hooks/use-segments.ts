"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type {
  createSegmentSchema,
  ListSegmentsQuery,
  segmentPageSchema,
  segmentSchema,
} from "@/lib/segments/schemas";

export type Segment = z.infer<typeof segmentSchema>;
export type SegmentPage = z.infer<typeof segmentPageSchema>;
export type SegmentListItem = SegmentPage["items"][number];

/** Any of the list's parameters, as the URL holds them: the API validates them and fills in the defaults. */
export type SegmentListParams = Partial<Record<keyof ListSegmentsQuery, string | number>>;

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
export type NewSegment = z.input<typeof createSegmentSchema>;

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
