"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type ApiKey = ApiSchema<"ApiKey">;
export type CreatedApiKey = ApiSchema<"ApiKeyCreated">;
export type ApiKeyCreate = ApiSchema<"ApiKeyCreate">;
export type TeamMember = ApiSchema<"TeamMember">;
export type TeamMemberCreate = ApiSchema<"TeamMemberCreate">;

export function useApiKeys() {
  return useQuery({
    queryKey: ["api-keys"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/api-keys", { signal })),
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyCreate) => unwrap(api.POST("/api/v1/api-keys", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/api-keys/{key_id}", { params: { path: { key_id: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
}

export function useTeamMembers() {
  return useQuery({
    queryKey: ["team-members"],
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/team-members", { signal })),
  });
}

export function useCreateTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamMemberCreate) => unwrap(api.POST("/api/v1/team-members", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["team-members"] }),
  });
}

export function useUpdateTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: TeamMember["role"] }) =>
      unwrap(
        api.PATCH("/api/v1/team-members/{member_id}", {
          params: { path: { member_id: id } },
          body: { role },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["team-members"] }),
  });
}

export function useDeleteTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/team-members/{member_id}", { params: { path: { member_id: id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["team-members"] }),
  });
}
