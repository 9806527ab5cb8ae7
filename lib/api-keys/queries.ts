import "server-only";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { type ApiKey, apiKeys } from "@/db/schema";

export async function insertApiKey(values: typeof apiKeys.$inferInsert, db?: Database): Promise<ApiKey> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.insert(apiKeys).values(values).returning();
  return row;
}

/** Keys not revoked, newest first (revoked keys stop existing for the API). */
export async function listActiveApiKeys(db?: Database): Promise<ApiKey[]> {
  const executor = await dbOrDefault(db);
  return executor.select().from(apiKeys).where(isNull(apiKeys.revoked_at)).orderBy(desc(apiKeys.created_at));
}

/** The key a request presents, if it is neither revoked nor expired. */
export async function findUsableApiKey(keyHash: string, db?: Database): Promise<ApiKey | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.key_hash, keyHash),
        isNull(apiKeys.revoked_at),
        or(isNull(apiKeys.expires_at), gt(apiKeys.expires_at, sql`now()`)),
      ),
    )
    .limit(1);
  return row;
}

/** The key revoked, or undefined when there is no such key or it was revoked before. */
export async function revokeApiKey(id: string, db?: Database): Promise<ApiKey | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .update(apiKeys)
    .set({ revoked_at: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revoked_at)))
    .returning();
  return row;
}

// "Last used" to the minute is what a list needs; writing it on every request would turn each read into a write.
export async function touchApiKey(id: string, db?: Database): Promise<void> {
  const executor = await dbOrDefault(db);
  await executor
    .update(apiKeys)
    .set({ last_used_at: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, id),
        or(isNull(apiKeys.last_used_at), lt(apiKeys.last_used_at, sql`now() - interval '1 minute'`)),
      ),
    );
}
