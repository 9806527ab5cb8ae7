import "server-only";
import { and, asc, count, desc, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { escapeLike, type Page, readPage } from "@/db/rows";
import { audienceSegments, type NewSegment, type Segment } from "@/db/schema";
import type { ListSegmentsQuery } from "./schemas";

export async function insertSegment(values: NewSegment, db?: Database): Promise<Segment> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.insert(audienceSegments).values(values).returning();
  return row;
}

export async function findSegment(id: string, db?: Database): Promise<Segment | undefined> {
  const executor = await dbOrDefault(db);
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

/**
 * The segment's content totals, live, so the list shows them without waiting for an analysis.
 * Written with table names: in a one-table select Drizzle leaves columns unqualified, which would bind
 * the outer segment's id to the subquery's own table.
 */
const contentTotals = {
  total_views: sql<number>`coalesce((select sum(pc.view_count) from personalized_content pc
    where pc.segment_id = audience_segments.id), 0)::int`,
  engagement_rate: sql<number | null>`(select round((100.0 * sum(pc.engagement_count)
    / nullif(sum(pc.view_count), 0))::numeric, 2)::float8 from personalized_content pc
    where pc.segment_id = audience_segments.id)`,
};

export type SegmentListItem = Segment & { total_views: number; engagement_rate: number | null };

export async function listSegments(query: ListSegmentsQuery, db?: Database): Promise<Page<SegmentListItem>> {
  const executor = await dbOrDefault(db);
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
  // The page and the total in one statement (one turn on PGlite's single connection, instead of two);
  // only a page past the end, which carries no total, needs the count on its own.
  const rows = await executor
    .select({
      ...getTableColumns(audienceSegments),
      ...contentTotals,
      full_count: sql<number>`(count(*) over ())::int`,
    })
    .from(audienceSegments)
    .where(where)
    .orderBy(descending ? desc(column) : asc(column), asc(audienceSegments.id))
    .limit(query.limit)
    .offset(query.offset);
  const items = rows.map(({ full_count: _total, ...item }) => item);
  const page = { limit: query.limit, offset: query.offset };
  if (rows.length > 0) return { items, total: Number(rows[0].full_count), ...page };
  return readPage(
    page,
    Promise.resolve(items),
    executor.select({ total: count() }).from(audienceSegments).where(where),
  );
}

export async function updateSegment(
  id: string,
  values: Partial<NewSegment>,
  db?: Database,
): Promise<Segment | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .update(audienceSegments)
    .set({ ...values, updated_at: new Date() })
    .where(eq(audienceSegments.id, id))
    .returning();
  return row;
}

/** Members, personalized content and histories go with the segment (ON DELETE CASCADE). */
export async function deleteSegment(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor
    .delete(audienceSegments)
    .where(eq(audienceSegments.id, id))
    .returning({ id: audienceSegments.id });
  return rows.length > 0;
}

/** The criteria of the given segments (issue 13: following `in_segment` references). */
export async function findSegmentCriteria(
  ids: string[],
  db?: Database,
): Promise<{ id: string; criteria: Record<string, unknown> }[]> {
  if (ids.length === 0) return [];
  const executor = await dbOrDefault(db);
  return executor
    .select({ id: audienceSegments.id, criteria: audienceSegments.criteria })
    .from(audienceSegments)
    .where(
      sql`${audienceSegments.id} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
    );
}

/**
 * Serialises criteria writes that hold `in_segment` references (transaction-scoped advisory lock): two
 * concurrent edits that would close a cycle between them run one after the other, so the second sees it.
 */
export async function lockSegmentReferences(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('segments:in_segment'))`);
}
