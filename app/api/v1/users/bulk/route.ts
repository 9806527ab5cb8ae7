import { withApi } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { created } from "@/lib/api/response";
import { bulkCreateUsersResultSchema, bulkCreateUsersSchema } from "@/lib/users/schemas";
import { createUsers } from "@/lib/users/service";

// 10,000 full profiles run to a few megabytes of JSON.
const BULK_BODY_LIMIT_BYTES = 32 * 1024 * 1024;

// POST /api/v1/users/bulk - create up to 10,000 user profiles at once, all or nothing
export const POST = withApi({ scope: "users:write" }, async ({ req }) => {
  const input = await readJson(req, bulkCreateUsersSchema, { maxBytes: BULK_BODY_LIMIT_BYTES });
  return created(bulkCreateUsersResultSchema, await createUsers(input.users));
});

export * from "@/lib/api/method-not-allowed";
