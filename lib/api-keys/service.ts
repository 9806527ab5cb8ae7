import { notFound } from "@/lib/api/errors";
import { currentActor } from "@/lib/audit/actor-context";
import { generateApiKey } from "@/lib/auth/api-key-secret";
import { insertApiKey, listActiveApiKeys, revokeApiKey as revokeApiKeyRow } from "./queries";
import type { CreateApiKeyInput } from "./schemas";

/** Creates a key and returns it once, with the key itself; only its hash is stored. */
export async function createApiKey(input: CreateApiKeyInput) {
  const { key, prefix, hash } = generateApiKey();
  const actor = currentActor();
  const row = await insertApiKey({
    name: input.name,
    prefix,
    key_hash: hash,
    scopes: input.scopes,
    expires_at: input.expires_at ? new Date(input.expires_at) : null,
    created_by: actor.type === "user" ? actor.id : null,
  });
  const { key_hash: _hash, revoked_at: _revoked, created_by: _by, ...shown } = row;
  return { ...shown, key };
}

export async function listApiKeys() {
  const rows = await listActiveApiKeys();
  return { items: rows.map(({ key_hash: _hash, revoked_at: _revoked, created_by: _by, ...shown }) => shown) };
}

/** Revoked at once: the next request with the key is answered 401. */
export async function revokeApiKey(id: string): Promise<void> {
  if (!(await revokeApiKeyRow(id))) throw notFound("API key", id);
}
