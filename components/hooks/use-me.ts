"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { grants, type Scope } from "@/lib/auth/scopes";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type Me = ApiSchema<"Me">;

/** The layout seeds this key with the visitor the server rendered for (app/providers.tsx). */
export const meQueryKey = ["me"] as const;

/** The caller (mode, role, scopes); null when nobody is signed in (required mode). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => {
      const { data, response } = await api.GET("/api/v1/me", { signal });
      if (response.status === 401) return null;
      return unwrap(Promise.resolve({ data, response }));
    },
    staleTime: 60_000,
  });
}

/**
 * Whether the caller may do what needs this scope: write controls render only then. Until the caller is
 * known they stay hidden, so a viewer never sees a button flash; the API refuses the write anyway (403).
 */
export function useCan(scope: Scope): boolean {
  const me = useMe();
  return me.data ? grants(me.data.scopes as Scope[], scope) : false;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const res = await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      if (!res.ok) throw new Error("Signing out failed; try again.");
    },
    onSuccess: () => {
      queryClient.clear();
      window.location.assign("/sign-in");
    },
  });
}
