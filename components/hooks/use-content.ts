"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { contentPageSchema, ListContentQuery } from "@/lib/content/schemas";

export type ContentPage = z.infer<typeof contentPageSchema>;
export type Content = ContentPage["items"][number];
/** Any of the list's parameters; the API fills in the defaults. */
export type ContentQuery = Partial<ListContentQuery>;

export function useContentList(params: ContentQuery, enabled = true) {
  return useQuery({
    queryKey: ["content", params],
    queryFn: () => apiFetch<ContentPage>(`/api/v1/content${toQueryString({ ...params })}`),
    enabled,
  });
}
