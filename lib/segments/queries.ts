import "server-only";
import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import { audienceSegments, type NewSegment, type Segment } from "@/db/schema";
import type { ListSegmentsQuery } from "./schemas";

export async function insertSegment(values: NewSegment, db?: Database): Promise<Segment> {
  const executor = db ?? (await getDb());
  const [row] = await executor.insert(audienceSegments).values(values).returning();
  return row;
}

export async function findSegment(id: string, db?: Database): Promise<Segment | undefined> {
  const executor = db ?? (await getDb());
  const [row] = await executor.select().from(audienceSegments).where(eq(audienceSegments.id, id)).limit(1);
  return row;
}

/** Locks the segment row until the transaction ends: membership changes of one segment run one at a time. */
export async function lockSegment(id: string, tx: Database): Promise<Segment | undefined> {
  const [row] = await tx
    .select()
    .from(audienceSegments)
    .where(eq(audienceSegments.id, id))
    .limit(1)
    .for("update");
  return row;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listSegments(query: ListSegmentsQuery): Promise<{ items: Segment[]; total: number }> {
  const db = await getDb();
  const conditions: SQL[] = [];
  if (query.persona_id) conditions.push(eq(audienceSegments.persona_id, query.persona_id));
  if (query.status) conditions.push(eq(audienceSegments.status, query.status));
  if (query.strategy) conditions.push(eq(audienceSegments.strategy, query.strategy));
  if (query.membership_mode) conditions.push(eq(audienceSegments.membership_mode, query.membership_mode));
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    const match = or(
      ilike(audienceSegments.segment_name, pattern),
      ilike(audienceSegments.description, pattern),
    );
    if (match) conditions.push(match);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const descending = query.sort.startsWith("-");
  const column = audienceSegments[query.sort.replace(/^-/, "") as keyof typeof audienceSegments.$inferSelect];
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(audienceSegments)
      .where(where)
      .orderBy(descending ? desc(column) : asc(column), asc(audienceSegments.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(audienceSegments).where(where),
  ]);
  return { items, total };
}

export async function updateSegment(
  id: string,
  values: Partial<NewSegment>,
  db?: Database,
): Promise<Segment | undefined> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .update(audienceSegments)
    .set({ ...values, updated_at: new Date() })
    .where(eq(audienceSegments.id, id))
    .returning();
  return row;
}

/** Members, personalized content and histories go with the segment (ON DELETE CASCADE). */
export async function deleteSegment(id: string, db?: Database): Promise<boolean> {
  const executor = db ?? (await getDb());
  const rows = await executor
    .delete(audienceSegments)
    .where(eq(audienceSegments.id, id))
    .returning({ id: audienceSegments.id });
  return rows.length > 0;
}
