import { transaction } from "@/db/client";
import { notFound } from "@/lib/api/errors";
import { currentActor } from "@/lib/audit/actor-context";
import { createdFields, deletedFields } from "@/lib/audit/changes";
import { recordAudit } from "@/lib/audit/record";
import { generateApiKey } from "@/lib/auth/api-key-secret";
import { insertApiKey, listActiveApiKeys, revokeApiKey as revokeApiKeyRow } from "./queries";
import type { CreateApiKeyInput } from "./schemas";

// What the audit log shows of a key: never its hash.
const auditedKeyFields = ["name", "prefix", "scopes", "expires_at"] as const;

/** Creates a key and returns it once, with the key itself; only its hash is stored. */
export async function createApiKey(input: CreateApiKeyInput) {
  const { key, prefix, hash } = generateApiKey();
  const actor = currentActor();
  const row = await transaction(async (tx) => {
    const inserted = await insertApiKey(
      {
        name: input.name,
        prefix,
        key_hash: hash,
        scopes: input.scopes,
        expires_at: input.expires_at ? new Date(input.expires_at) : null,
        created_by: actor.type === "user" ? actor.id : null,
      },
      tx,
    );
    await recordAudit(tx, {
      action: "create",
      resource_type: "api_key",
      resource_id: inserted.id,
      changes: createdFields(inserted, auditedKeyFields),
    });
    return inserted;
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
  await transaction(async (tx) => {
    const revoked = await revokeApiKeyRow(id, tx);
    if (!revoked) throw notFound("API key", id);
    await recordAudit(tx, {
      action: "delete",
      resource_type: "api_key",
      resource_id: id,
      changes: deletedFields(revoked, auditedKeyFields),
    });
  });
}
