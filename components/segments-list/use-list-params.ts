"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export const PAGE_SIZE = 25;

export interface ListFilters {
  persona_id: string;
  status: string;
  strategy: string;
  search: string;
  sort: string;
  page: number;
}

const filterKeys = ["persona_id", "status", "strategy", "search", "sort"] as const;

/** The list's filters live in the URL so that a filtered view can be shared and survives a reload. */
export function useListParams() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const page = Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1);
  const filters: ListFilters = {
    persona_id: searchParams.get("persona_id") ?? "",
    status: searchParams.get("status") ?? "",
    strategy: searchParams.get("strategy") ?? "",
    search: searchParams.get("search") ?? "",
    sort: searchParams.get("sort") ?? "",
    page,
  };

  /** Changing any filter goes back to the first page. */
  const setFilters = useCallback(
    (patch: Partial<ListFilters>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === "" || value === undefined || (key === "page" && value === 1)) next.delete(key);
        else next.set(key, String(value));
      }
      if (!("page" in patch)) next.delete("page");
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [searchParams, router, pathname],
  );

  const hasFilters = filterKeys.some((key) => key !== "sort" && filters[key] !== "");
  return { filters, setFilters, hasFilters };
}
