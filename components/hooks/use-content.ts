"use client";

import { useQuery } from "@tanstack/react-query";
import { type ApiQuery, type ApiSchema, api, unwrap } from "@/lib/client/api";

export type Content = ApiSchema<"Content">;
export type ContentQuery = ApiQuery<"/api/v1/content", "get">;

export function useContentList(params: ContentQuery, enabled = true) {
  return useQuery({
    queryKey: ["content", params],
    queryFn: () => unwrap(api.GET("/api/v1/content", { params: { query: params } })),
    enabled,
  });
}
