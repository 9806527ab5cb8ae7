import { withApi } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { created, json } from "@/lib/api/response";
import { apiKeyListSchema, createApiKeySchema, createdApiKeySchema } from "@/lib/api-keys/schemas";
import { createApiKey, listApiKeys } from "@/lib/api-keys/service";

// GET /api/v1/api-keys - list the keys that are not revoked (never the key itself)
export const GET = withApi({ scope: "admin" }, async () => json(apiKeyListSchema, await listApiKeys()));

// POST /api/v1/api-keys - create a key; the answer is the only time the key is shown
export const POST = withApi({ scope: "admin" }, async ({ req }) => {
  const input = await readJson(req, createApiKeySchema);
  const key = await createApiKey(input);
  return created(createdApiKeySchema, key, `/api/v1/api-keys/${key.id}`);
});

export * from "@/lib/api/method-not-allowed";
