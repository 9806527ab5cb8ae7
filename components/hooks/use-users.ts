"use client";

import { type QueryClient, useQuery } from "@tanstack/react-query";
import { type ApiQuery, type ApiSchema, api, unwrap } from "@/lib/client/api";

export type User = ApiSchema<"User">;
export type UserQuery = ApiQuery<"/api/v1/users", "get">;

const usersKey = (params: UserQuery) => ["users", params] as const;
const fetchUsers = (params: UserQuery) => unwrap(api.GET("/api/v1/users", { params: { query: params } }));

export function useUsers(params: UserQuery, enabled = true) {
  return useQuery({ queryKey: usersKey(params), queryFn: () => fetchUsers(params), enabled });
}

/** Finds the user with exactly this email or external_id (both are unique), through the users API. */
export async function findUser(
  queryClient: QueryClient,
  identifier: { email: string } | { external_id: string },
): Promise<User | undefined> {
  const params = { ...identifier, limit: 1 };
  const page = await queryClient.fetchQuery({
    queryKey: usersKey(params),
    queryFn: () => fetchUsers(params),
  });
  return page.items[0];
}

export const findUserByEmail = (queryClient: QueryClient, email: string) =>
  findUser(queryClient, { email: email.trim() });
