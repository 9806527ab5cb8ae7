import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { noContent } from "@/lib/api/response";
import { revokeApiKey } from "@/lib/api-keys/service";

type Params = { keyId: string };

// DELETE /api/v1/api-keys/{key_id} - revoke a key: the next request with it is answered 401
export const DELETE = withApi<Params>({ scope: "admin" }, async ({ params }) => {
  await revokeApiKey(parseId(params.keyId, "key_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
