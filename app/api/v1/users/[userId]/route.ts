import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json, noContent } from "@/lib/api/response";
import { updateUserSchema, userSchema } from "@/lib/users/schemas";
import { deleteUser, getUser, updateUser } from "@/lib/users/service";

type Params = { userId: string };

// GET /api/v1/users/{user_id} - get a user profile
export const GET = withApi<Params>({ scope: "users:read" }, async ({ params }) => {
  return json(userSchema, await getUser(parseId(params.userId, "user_id")));
});

// PUT /api/v1/users/{user_id} - update a user profile (any subset of its fields)
export const PUT = withApi<Params>({ scope: "users:write" }, async ({ req, params }) => {
  const id = parseId(params.userId, "user_id");
  const patch = await readJson(req, updateUserSchema);
  return json(userSchema, await updateUser(id, patch));
});

// PATCH /api/v1/users/{user_id} - same as PUT
export const PATCH = PUT;

// DELETE /api/v1/users/{user_id} - delete a user profile, leaving every segment it belonged to
export const DELETE = withApi<Params>({ scope: "users:write" }, async ({ params }) => {
  await deleteUser(parseId(params.userId, "user_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
