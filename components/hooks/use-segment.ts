"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/client/api";
import type { UpdateSegmentInput } from "@/lib/segments/schemas";
import type { Segment } from "./use-segments";

export type { Segment };

const segmentPath = (segmentId: string) => ({ params: { path: { segment_id: segmentId } } });

/** Keyed under "segments" so that anything that refreshes the list refreshes the open segment too. */
export function useSegment(segmentId: string | undefined) {
  return useQuery({
    queryKey: ["segments", { id: segmentId }],
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/segments/{segment_id}", { ...segmentPath(segmentId!), signal })),
    enabled: Boolean(segmentId),
  });
}

/** PATCH: sends only what changed; the list, the segment and the overlap views that show it are refreshed. */
export function useUpdateSegment(segmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateSegmentInput) =>
      unwrap(api.PATCH("/api/v1/segments/{segment_id}", { ...segmentPath(segmentId), body: patch })),
    onSuccess: (segment) => {
      queryClient.setQueryData(["segments", { id: segmentId }], segment);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ["segments"] }),
        queryClient.invalidateQueries({ queryKey: ["overlap"] }),
        queryClient.invalidateQueries({ queryKey: ["audit-log"] }),
      ]);
    },
  });
}

export function useDeleteSegment(segmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/segments/{segment_id}", segmentPath(segmentId))),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ["segments", { id: segmentId }] });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ["segments"] }),
        queryClient.invalidateQueries({ queryKey: ["overlap"] }),
      ]);
    },
  });
}
