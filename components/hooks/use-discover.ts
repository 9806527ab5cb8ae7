"use client";

import { useMutation } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type DiscoverResult = ApiSchema<"DiscoverResult">;
export type DiscoveryProposal = ApiSchema<"DiscoveryProposal">;
type DiscoverRequest = NonNullable<ApiSchema<"DiscoverRequest">>;

/** Runs discovery on demand: it reads up to 50,000 profiles, so it is a button, not a query on load. */
export function useDiscover() {
  return useMutation({
    mutationFn: (body: Partial<DiscoverRequest>) =>
      unwrap(api.POST("/api/v1/segments/discover", { body: body as DiscoverRequest })),
  });
}
