"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type AuditEntry = ApiSchema<"AuditEntry">;

export interface AuditFilters {
  resource_type?: string;
  resource_id?: string;
  actor?: string;
  limit?: number;
}

/** The audit log newest first, one keyset page after another (`fetchNextPage` follows `next_cursor`). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit-log", filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/audit-log", {
          params: { query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
