"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";
import { contentTabQueries } from "@/lib/personalized/content-tab-queries";

export type PersonalizedContent = ApiSchema<"PersonalizedContent">;
export type CreatePersonalizedContentInput = ApiSchema<"PersonalizedContentCreate">;
export type UpdatePersonalizedContentInput = ApiSchema<"PersonalizedContentUpdate">;

export function usePersonalizedContent(segmentId: string) {
  const params = { segment_id: segmentId, ...contentTabQueries.personalizedContent };
  return useQuery({
    queryKey: ["personalized-content", params],
    queryFn: () => unwrap(api.GET("/api/v1/segments/personalized", { params: { query: params } })),
  });
}

/**
 * A change to a segment's content changes its list, its experiment (arms, weights, timeline) and its analytics.
 * The keys are prefixes: ["experiment", {segment_id}] covers the read-out of every metric.
 */
function useInvalidateContent(segmentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["personalized-content", { segment_id: segmentId }] }),
      queryClient.invalidateQueries({ queryKey: ["experiment", { segment_id: segmentId }] }),
      queryClient.invalidateQueries({ queryKey: ["experiment-timeline", { segment_id: segmentId }] }),
      queryClient.invalidateQueries({ queryKey: ["analytics", { segment_id: segmentId }] }),
    ]);
}

export function useCreatePersonalizedContent(segmentId: string) {
  const invalidate = useInvalidateContent(segmentId);
  return useMutation({
    mutationFn: (body: CreatePersonalizedContentInput) =>
      unwrap(api.POST("/api/v1/segments/personalized", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdatePersonalizedContent(segmentId: string) {
  const invalidate = useInvalidateContent(segmentId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdatePersonalizedContentInput }) =>
      unwrap(
        api.PATCH("/api/v1/segments/personalized/{personalized_id}", {
          params: { path: { personalized_id: id } },
          body: patch,
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Saves the weights that changed, one PATCH per arm (each is recorded in the experiment's history). */
export function useSaveTrafficSplit(segmentId: string) {
  const invalidate = useInvalidateContent(segmentId);
  return useMutation({
    mutationFn: async (weights: Array<{ id: string; traffic_weight: number }>) => {
      const saved: PersonalizedContent[] = [];
      for (const { id, traffic_weight } of weights) {
        saved.push(
          await unwrap(
            api.PATCH("/api/v1/segments/personalized/{personalized_id}", {
              params: { path: { personalized_id: id } },
              body: { traffic_weight },
            }),
          ),
        );
      }
      return saved;
    },
    // Even a half-saved split changed the server's weights: show what is there now.
    onSettled: invalidate,
  });
}

export function useDeletePersonalizedContent(segmentId: string) {
  const invalidate = useInvalidateContent(segmentId);
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE("/api/v1/segments/personalized/{personalized_id}", {
          params: { path: { personalized_id: id } },
        }),
      ),
    onSuccess: invalidate,
  });
}
