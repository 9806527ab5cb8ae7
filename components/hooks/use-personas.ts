"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { personaPageSchema, personaSchema } from "@/lib/personas/schemas";

export type Persona = z.infer<typeof personaSchema>;
type PersonaPage = z.infer<typeof personaPageSchema>;

/** Personas for pickers and for naming a segment's persona; one page of up to 500 is plenty for a picker. */
export function usePersonas(params: { search?: string; limit?: number } = {}) {
  const query = { limit: 500, ...params };
  return useQuery({
    queryKey: ["personas", query],
    queryFn: ({ signal }) => apiFetch<PersonaPage>(`/api/v1/personas${toQueryString(query)}`, { signal }),
    staleTime: 60_000,
  });
}
