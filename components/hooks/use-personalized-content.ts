"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type {
  createPersonalizedSchema,
  personalizedContentSchema,
  personalizedPageSchema,
} from "@/lib/personalized/schemas";

export type PersonalizedContent = z.infer<typeof personalizedContentSchema>;
export type PersonalizedPage = z.infer<typeof personalizedPageSchema>;
/** The body of POST /segments/personalized as the dialog sends it (defaults are filled in by the API). */
export type CreatePersonalizedContentInput = z.input<typeof createPersonalizedSchema>;

export function usePersonalizedContent(segmentId: string) {
  const params = { segment_id: segmentId, limit: 500 };
  return useQuery({
    queryKey: ["personalized-content", params],
    queryFn: () => apiFetch<PersonalizedPage>(`/api/v1/segments/personalized${toQueryString(params)}`),
  });
}

/** A new variant changes the segment's content list, its experiment and its analytics. */
function useInvalidateContent(segmentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["personalized-content", { segment_id: segmentId }] }),
      queryClient.invalidateQueries({ queryKey: ["experiment", { segment_id: segmentId }] }),
      queryClient.invalidateQueries({ queryKey: ["analytics", { segment_id: segmentId }] }),
    ]);
}

export function useCreatePersonalizedContent(segmentId: string) {
  const invalidate = useInvalidateContent(segmentId);
  return useMutation({
    mutationFn: (input: CreatePersonalizedContentInput) =>
      apiFetch<PersonalizedContent>("/api/v1/segments/personalized", { method: "POST", json: input }),
    onSuccess: invalidate,
  });
}

export function useDeletePersonalizedContent(segmentId: string) {
  const invalidate = useInvalidateContent(segmentId);
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/v1/segments/personalized/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
