"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { Page } from "./use-members";

export interface PersonalizedContent {
  id: string;
  content_id: string;
  segment_id: string;
  performance: unknown;
  variant_id: string | null;
  is_control: boolean;
  view_count: number;
  engagement_count: number;
  conversion_count: number;
  engagement_rate: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  content?: { id: string; title: string; content_type: string };
}

export interface CreatePersonalizedContentInput {
  content_id: string;
  segment_id: string;
  variant_id?: string;
  is_control?: boolean;
}

export function usePersonalizedContent(segmentId: string) {
  const params = { segment_id: segmentId, limit: 500 };
  return useQuery({
    queryKey: ["personalized-content", params],
    queryFn: () =>
      apiFetch<Page<PersonalizedContent>>(`/api/v1/segments/personalized${toQueryString(params)}`),
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
