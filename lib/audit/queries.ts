import "server-only";
import { and, desc, eq, isNull, lt, type SQL } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { auditLog, type NewAuditLogEntry } from "@/db/schema";
import type { AuditLogQuery } from "./schemas";

export async function insertAuditEntry(values: NewAuditLogEntry, tx: Database): Promise<void> {
  await tx.insert(auditLog).values(values);
}

/**
 * One page, newest first, by keyset on id (`id < cursor`): unlike an offset, a page boundary neither skips nor
 * repeats an entry while new ones are written. One more row than asked tells whether a next page exists.
 */
export async function listAuditEntries(query: AuditLogQuery, db?: Database) {
  const executor = await dbOrDefault(db);
  const conditions: SQL[] = [];
  if (query.resource_type) conditions.push(eq(auditLog.resource_type, query.resource_type));
  if (query.resource_id) conditions.push(eq(auditLog.resource_id, query.resource_id));
  if (query.actor) {
    const [type, id] = query.actor.split(/:(.*)/s) as [NonNullable<NewAuditLogEntry["actor_type"]>, string?];
    conditions.push(eq(auditLog.actor_type, type));
    if (id) conditions.push(eq(auditLog.actor_id, id));
    else if (type === "local") conditions.push(isNull(auditLog.actor_id));
  }
  if (query.cursor) conditions.push(lt(auditLog.id, Number(query.cursor)));
  const rows = await executor
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  return { items, hasMore: rows.length > query.limit };
}
