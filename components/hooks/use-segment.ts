"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { UpdateSegmentInput } from "@/lib/segments/schemas";
import type { Segment } from "./use-segments";

export type { Segment };

/** Keyed under "segments" so that anything that refreshes the list refreshes the open segment too. */
export function useSegment(segmentId: string | undefined) {
  return useQuery({
    queryKey: ["segments", { id: segmentId }],
    queryFn: ({ signal }) => apiFetch<Segment>(`/api/v1/segments/${segmentId}`, { signal }),
    enabled: Boolean(segmentId),
  });
}

/** PATCH: sends only what changed; the list, the segment and the overlap views that show it are refreshed. */
export function useUpdateSegment(segmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateSegmentInput) =>
      apiFetch<Segment>(`/api/v1/segments/${segmentId}`, { method: "PATCH", json: patch }),
    onSuccess: (segment) => {
      queryClient.setQueryData(["segments", { id: segmentId }], segment);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ["segments"] }),
        queryClient.invalidateQueries({ queryKey: ["overlap"] }),
      ]);
    },
  });
}

export function useDeleteSegment(segmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`/api/v1/segments/${segmentId}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ["segments", { id: segmentId }] });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ["segments"] }),
        queryClient.invalidateQueries({ queryKey: ["overlap"] }),
      ]);
    },
  });
}
