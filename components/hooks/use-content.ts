"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { contentSchema } from "@/lib/content/schemas";
import type { Page } from "./use-members";

export type Content = z.infer<typeof contentSchema>;

export interface ContentQuery {
  persona_id?: string;
  content_type?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

export function useContentList(params: ContentQuery, enabled = true) {
  return useQuery({
    queryKey: ["content", params],
    queryFn: () => apiFetch<Page<Content>>(`/api/v1/content${toQueryString({ ...params })}`),
    enabled,
  });
}
