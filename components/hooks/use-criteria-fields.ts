"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import type { criteriaFieldsSchema } from "@/lib/criteria/api-schemas";

export type CriteriaFields = z.infer<typeof criteriaFieldsSchema>;
export type CriteriaField = CriteriaFields["fields"][number];

/** The profile fields a rule can test, their operators, and the values present in the data. */
export function useCriteriaFields() {
  return useQuery({
    queryKey: ["criteria-fields"],
    queryFn: ({ signal }) => apiFetch<CriteriaFields>("/api/v1/segments/criteria/fields", { signal }),
    staleTime: 5 * 60_000,
  });
}
