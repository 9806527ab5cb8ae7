import "server-only";
import { and, count, desc, eq, getTableColumns, type SQL } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { readPage } from "@/db/rows";
import { audienceSegments, content, type NewPersonalizedContent, personalizedContent } from "@/db/schema";
import type { ListPersonalizedQuery } from "./schemas";

const withContentColumns = {
  ...getTableColumns(personalizedContent),
  content: { id: content.id, title: content.title, content_type: content.content_type },
};

export async function contentExists(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor.select({ id: content.id }).from(content).where(eq(content.id, id)).limit(1);
  return rows.length > 0;
}

export async function segmentExists(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor
    .select({ id: audienceSegments.id })
    .from(audienceSegments)
    .where(eq(audienceSegments.id, id))
    .limit(1);
  return rows.length > 0;
}

export async function insertPersonalized(values: NewPersonalizedContent, db?: Database): Promise<string> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .insert(personalizedContent)
    .values(values)
    .returning({ id: personalizedContent.id });
  return row.id;
}

/** The personalized content with a summary of its content item. */
export async function findPersonalized(id: string, db?: Database) {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .select(withContentColumns)
    .from(personalizedContent)
    .innerJoin(content, eq(content.id, personalizedContent.content_id))
    .where(eq(personalizedContent.id, id))
    .limit(1);
  return row;
}

export async function listPersonalized(query: ListPersonalizedQuery, db?: Database) {
  const executor = await dbOrDefault(db);
  const conditions: SQL[] = [];
  if (query.segment_id) conditions.push(eq(personalizedContent.segment_id, query.segment_id));
  if (query.content_id) conditions.push(eq(personalizedContent.content_id, query.content_id));
  if (query.variant_id) conditions.push(eq(personalizedContent.variant_id, query.variant_id));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  return readPage(
    query,
    executor
      .select(withContentColumns)
      .from(personalizedContent)
      .innerJoin(content, eq(content.id, personalizedContent.content_id))
      .where(where)
      .orderBy(desc(personalizedContent.created_at), desc(personalizedContent.id))
      .limit(query.limit)
      .offset(query.offset),
    executor.select({ total: count() }).from(personalizedContent).where(where),
  );
}

export async function updatePersonalized(
  id: string,
  values: Partial<
    Pick<NewPersonalizedContent, "variant_id" | "is_control" | "published_at" | "traffic_weight">
  >,
  db?: Database,
): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor
    .update(personalizedContent)
    .set({ ...values, updated_at: new Date() })
    .where(eq(personalizedContent.id, id))
    .returning({ id: personalizedContent.id });
  return rows.length > 0;
}

/** Its performance history and daily rows go with it (ON DELETE CASCADE). */
export async function deletePersonalized(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor
    .delete(personalizedContent)
    .where(eq(personalizedContent.id, id))
    .returning({ id: personalizedContent.id });
  return rows.length > 0;
}
