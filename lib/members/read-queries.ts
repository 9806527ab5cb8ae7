import "server-only";
import { and, asc, count, desc, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import { boundedJson } from "@/db/bounded-json";
import { type Database, dbOrDefault } from "@/db/client";
import { escapeLike, type Page, readPage } from "@/db/rows";
import { segmentMembers, users } from "@/db/schema";
import { userSummaryColumns } from "@/lib/users/queries";
import type { ListMembersQuery, Member } from "./schemas";

const memberColumns = { ...getTableColumns(segmentMembers), user: userSummaryColumns };
const listedMemberColumns = {
  ...memberColumns,
  assignment_reason: boundedJson<Record<string, unknown> | null>(segmentMembers.assignment_reason),
};

type MemberRow = Omit<Member, "joined_at" | "updated_at" | "source"> & {
  source: string;
  joined_at: Date;
  updated_at: Date;
};

export async function findMember(
  segmentId: string,
  userId: string,
  db?: Database,
): Promise<MemberRow | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .select(memberColumns)
    .from(segmentMembers)
    .innerJoin(users, eq(users.id, segmentMembers.user_id))
    .where(and(eq(segmentMembers.segment_id, segmentId), eq(segmentMembers.user_id, userId)))
    .limit(1);
  return row as MemberRow | undefined;
}

const memberSortColumns = {
  joined_at: segmentMembers.joined_at,
  confidence_score: segmentMembers.confidence_score,
  email: users.email,
};

export async function listMembers(
  segmentId: string,
  query: ListMembersQuery,
  db?: Database,
): Promise<Page<MemberRow>> {
  const executor = await dbOrDefault(db);
  const conditions: SQL[] = [eq(segmentMembers.segment_id, segmentId)];
  if (query.source) conditions.push(eq(segmentMembers.source, query.source));
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    const match = or(
      ilike(users.email, pattern),
      ilike(users.name, pattern),
      ilike(users.external_id, pattern),
    );
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const descending = query.sort.startsWith("-");
  const column = memberSortColumns[query.sort.replace(/^-/, "") as keyof typeof memberSortColumns];
  return readPage(
    query,
    executor
      .select(listedMemberColumns)
      .from(segmentMembers)
      .innerJoin(users, eq(users.id, segmentMembers.user_id))
      .where(where)
      .orderBy(descending ? desc(column) : asc(column), asc(segmentMembers.id))
      .limit(query.limit)
      .offset(query.offset),
    executor
      .select({ total: count() })
      .from(segmentMembers)
      .innerJoin(users, eq(users.id, segmentMembers.user_id))
      .where(where),
  );
}

export interface ExportRow {
  user_id: string;
  email: string | null;
  external_id: string | null;
  name: string | null;
  confidence_score: number;
  source: string;
  joined_at: Date;
  /** joined_at at full (microsecond) precision, and the row id: where the next page starts. */
  cursor: { joined_at: string; id: string };
}

/**
 * On PostgreSQL, ends the export's snapshot transaction when its client stops reading for a minute, so an
 * abandoned download does not hold a connection and old row versions forever.
 */
export async function limitExportIdleTime(tx: Database): Promise<void> {
  await tx.execute(sql`select set_config('idle_in_transaction_session_timeout', '60000', true)`);
}

/** One page of the export in joined_at order, resuming after `after` (keyset: no OFFSET scans). */
export async function exportMembersPage(
  segmentId: string,
  after: ExportRow["cursor"] | undefined,
  pageSize: number,
  db?: Database,
): Promise<ExportRow[]> {
  const executor = await dbOrDefault(db);
  const rows = await executor
    .select({
      user_id: segmentMembers.user_id,
      email: users.email,
      external_id: users.external_id,
      name: users.name,
      confidence_score: segmentMembers.confidence_score,
      source: segmentMembers.source,
      joined_at: segmentMembers.joined_at,
      cursor_joined_at: sql<string>`${segmentMembers.joined_at}::text`,
      cursor_id: segmentMembers.id,
    })
    .from(segmentMembers)
    .innerJoin(users, eq(users.id, segmentMembers.user_id))
    .where(
      and(
        eq(segmentMembers.segment_id, segmentId),
        after
          ? sql`(${segmentMembers.joined_at}, ${segmentMembers.id}) > (${after.joined_at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(segmentMembers.joined_at), asc(segmentMembers.id))
    .limit(pageSize);
  return rows.map(({ cursor_joined_at, cursor_id, ...row }) => ({
    ...row,
    cursor: { joined_at: cursor_joined_at, id: cursor_id },
  }));
}
