"use client";

import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { ListUsersQuery, userPageSchema } from "@/lib/users/schemas";

export type UserPage = z.infer<typeof userPageSchema>;
export type User = UserPage["items"][number];
export type UserSearch = Partial<Pick<ListUsersQuery, "search" | "limit" | "offset">>;

const usersKey = (params: UserSearch) => ["users", params] as const;
const fetchUsers = (params: UserSearch) => apiFetch<UserPage>(`/api/v1/users${toQueryString({ ...params })}`);

export function useUsers(params: UserSearch, enabled = true) {
  return useQuery({ queryKey: usersKey(params), queryFn: () => fetchUsers(params), enabled });
}

/** Finds the user with exactly this email (the search also matches names and parts of emails). */
export async function findUserByEmail(queryClient: QueryClient, email: string): Promise<User | undefined> {
  const params = { search: email.trim(), limit: 20 };
  const page = await queryClient.fetchQuery({
    queryKey: usersKey(params),
    queryFn: () => fetchUsers(params),
  });
  const wanted = email.trim().toLowerCase();
  return page.items.find((user) => user.email?.toLowerCase() === wanted);
}
