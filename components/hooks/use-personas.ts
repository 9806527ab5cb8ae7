"use client";

import { useQuery } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type Persona = ApiSchema<"Persona">;

/** Personas for pickers and for naming a segment's persona; one page of up to 500 is plenty for a picker. */
export function usePersonas(params: { search?: string; limit?: number } = {}) {
  const query = { limit: 500, ...params };
  return useQuery({
    queryKey: ["personas", query],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/personas", { params: { query }, signal })),
    staleTime: 60_000,
  });
}
