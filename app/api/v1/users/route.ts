import { withApi } from "@/lib/api/handler";
import { parseQuery, readJson } from "@/lib/api/request";
import { created, json } from "@/lib/api/response";
import { createUserSchema, listUsersQuery, userPageSchema, userSchema } from "@/lib/users/schemas";
import { createUser, listUsers } from "@/lib/users/service";

// GET /api/v1/users - list user profiles, filtered by search term, location, engagement, age or interest
export const GET = withApi({ scope: "users:read" }, async ({ searchParams }) => {
  const query = parseQuery(searchParams, listUsersQuery);
  return json(userPageSchema, await listUsers(query));
});

// POST /api/v1/users - create a user profile
export const POST = withApi({ scope: "users:write" }, async ({ req }) => {
  const input = await readJson(req, createUserSchema);
  const user = await createUser(input);
  return created(userSchema, user, `/api/v1/users/${user.id}`);
});

export * from "@/lib/api/method-not-allowed";
