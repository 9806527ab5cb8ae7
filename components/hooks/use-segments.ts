"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiQuery, type ApiSchema, api, unwrap } from "@/lib/client/api";
import type { CreateSegmentInput } from "@/lib/segments/schemas";

export type Segment = ApiSchema<"Segment">;
export type SegmentPage = ApiSchema<"SegmentPage">;
export type SegmentListItem = ApiSchema<"SegmentListItem">;

type SegmentQuery = ApiQuery<"/api/v1/segments", "get">;

/** Filters as the list page reads them from its URL: plain strings, which the API validates (422 if wrong). */
export type SegmentListParams = { [Key in keyof SegmentQuery]?: string | number };

export function useSegments(params: SegmentListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["segments", params],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/segments", { params: { query: params as SegmentQuery }, signal })),
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
    mutationFn: (body: NewSegment) => unwrap(api.POST("/api/v1/segments", { body })),
    onSuccess: (segment) => {
      queryClient.setQueryData(["segments", { id: segment.id }], segment);
      return queryClient.invalidateQueries({ queryKey: ["segments"] });
    },
  });
}
