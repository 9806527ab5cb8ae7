import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { readPage } from "@/db/rows";
import { segmentRevisions } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor-context";
import type { RevisionsQuery } from "./schemas";

export async function insertRevision(
  values: {
    segment_id: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    definition: Record<string, unknown>;
    estimated_size: number;
    author: Actor;
  },
  tx: Database,
): Promise<void> {
  // The caller holds the segment lock, so the next number cannot be taken twice.
  await tx.execute(
    sql`insert into segment_revisions (segment_id, revision, changes, definition, estimated_size, author)
        select ${values.segment_id}::uuid, coalesce(max(revision), 0) + 1, ${JSON.stringify(values.changes)}::jsonb,
               ${JSON.stringify(values.definition)}::jsonb, ${values.estimated_size},
               ${JSON.stringify(values.author)}::jsonb
        from segment_revisions where segment_id = ${values.segment_id}::uuid`,
  );
}

export async function listRevisions(segmentId: string, query: RevisionsQuery, db?: Database) {
  const executor = await dbOrDefault(db);
  const where = eq(segmentRevisions.segment_id, segmentId);
  return readPage(
    query,
    executor
      .select({
        revision: segmentRevisions.revision,
        changes: segmentRevisions.changes,
        definition: segmentRevisions.definition,
        estimated_size: segmentRevisions.estimated_size,
        author: segmentRevisions.author,
        created_at: segmentRevisions.created_at,
      })
      .from(segmentRevisions)
      .where(where)
      .orderBy(desc(segmentRevisions.revision))
      .limit(query.limit)
      .offset(query.offset),
    executor.select({ total: count() }).from(segmentRevisions).where(where),
  );
}
