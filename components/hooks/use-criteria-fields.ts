"use client";

import { useQuery } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type CriteriaFields = ApiSchema<"CriteriaFields">;
export type CriteriaField = CriteriaFields["fields"][number];

/** The profile fields a rule can test, their operators, and the values present in the data. */
export function useCriteriaFields() {
  return useQuery({
    queryKey: ["criteria-fields"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/segments/criteria/fields", { signal })),
    staleTime: 5 * 60_000,
  });
}
