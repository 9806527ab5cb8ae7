import "server-only";
import { and, count, desc, eq, getTableColumns, ilike, or, type SQL } from "drizzle-orm";
import { boundedJson } from "@/db/bounded-json";
import { type Database, dbOrDefault } from "@/db/client";
import { escapeLike, type Page, readPage } from "@/db/rows";
import { type Content, content, type NewContent } from "@/db/schema";
import type { ListContentQuery, UpdateContentInput } from "./schemas";

export async function insertContent(values: NewContent, db?: Database): Promise<Content> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.insert(content).values(values).returning();
  return row;
}

/** The content under a row lock, so that an update's audit diff is exact under concurrent writes. */
export async function lockContent(id: string, tx: Database): Promise<Content | undefined> {
  const [row] = await tx.select().from(content).where(eq(content.id, id)).for("update");
  return row;
}

export async function findContent(id: string, db?: Database): Promise<Content | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.select().from(content).where(eq(content.id, id)).limit(1);
  return row;
}

export async function contentExists(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor.select({ id: content.id }).from(content).where(eq(content.id, id)).limit(1);
  return rows.length > 0;
}

export async function listContent(query: ListContentQuery, db?: Database): Promise<Page<Content>> {
  const executor = await dbOrDefault(db);
  const conditions: SQL[] = [];
  if (query.persona_id) conditions.push(eq(content.persona_id, query.persona_id));
  if (query.content_type) conditions.push(eq(content.content_type, query.content_type));
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    const match = or(ilike(content.title, pattern), ilike(content.body, pattern));
    if (match) conditions.push(match);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  return readPage(
    query,
    executor
      .select({
        ...getTableColumns(content),
        metadata: boundedJson<Record<string, unknown>>(content.metadata),
      })
      .from(content)
      .where(where)
      .orderBy(desc(content.created_at), desc(content.id))
      .limit(query.limit)
      .offset(query.offset),
    executor.select({ total: count() }).from(content).where(where),
  );
}

export async function updateContent(
  id: string,
  values: UpdateContentInput,
  db?: Database,
): Promise<Content | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .update(content)
    .set({ ...values, updated_at: new Date() })
    .where(eq(content.id, id))
    .returning();
  return row;
}

/** Its personalized content, with performance history, goes with it (ON DELETE CASCADE). */
export async function deleteContent(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor.delete(content).where(eq(content.id, id)).returning({ id: content.id });
  return rows.length > 0;
}
