"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type Estimate = ApiSchema<"AudienceEstimate">;
type EstimateRequest = ApiSchema<"EstimateRequest">;

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The audience the criteria would select, asked for once typing pauses: the key is the criteria's JSON so that
 * equal criteria share one request, and the previous answer stays on screen while the next one loads.
 */
export function useEstimate(
  criteria: Record<string, unknown>,
  personaId: string | null,
  options: { enabled?: boolean; delayMs?: number } = {},
) {
  const { enabled = true, delayMs = 400 } = options;
  const body = JSON.stringify({ criteria, ...(personaId ? { persona_id: personaId } : {}) });
  const debouncedBody = useDebounced(body, delayMs);
  return useQuery({
    queryKey: ["estimate", debouncedBody],
    queryFn: ({ signal }) =>
      unwrap(
        api.POST("/api/v1/segments/estimate", { body: JSON.parse(debouncedBody) as EstimateRequest, signal }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
    enabled,
  });
}
