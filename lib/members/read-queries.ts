import "server-only";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  isNotNull,
  isNull,
  type SQL,
  sql,
} from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { boundedJson } from "@/db/bounded-json";
import { type Database, dbOrDefault } from "@/db/client";
import { escapeLike, type Page } from "@/db/rows";
import { segmentMembers, users } from "@/db/schema";
import { userSummaryColumns } from "@/lib/users/queries";
import { encodeMemberCursor, type MemberCursor } from "./member-cursor";
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

/**
 * What the members search reads: email, name and external id joined by a unit separator, exactly as the
 * trigram index `users_search_trgm_idx` (migration 0004) is built, so that `ILIKE '%…%'` uses it.
 */
const searchDocument = sql`(coalesce(${users.email}, '') || chr(31) || coalesce(${users.name}, '') || chr(31) || coalesce(${users.external_id}, ''))`;

/** joined_at exactly (microseconds, UTC) for the cursor: a JavaScript Date would round it to milliseconds. */
const joinedAtText = sql<string>`to_char(${segmentMembers.joined_at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One ordered range of the list: its condition and order; the list is one or (for email) two of them. */
interface Phase {
  where?: SQL;
  orderBy: SQL[];
}

type SortField = "joined_at" | "confidence_score" | "email";

/**
 * The phases that list members in `sort` order from `cursor` (exclusive) on. Each phase is served by an
 * index read in order: `(segment_id, joined_at, user_id)` or `(segment_id, confidence_score, user_id)`, and
 * for email the users' unique email index (emails are unique, so no tie-break is needed) followed by the
 * members without an email in user id order — NULLs sort last ascending and first descending, as PostgreSQL
 * sorts them, and an OR across the two ranges would defeat both indexes.
 */
function sortPhases(field: SortField, descending: boolean, cursor: MemberCursor | undefined): Phase[] {
  const byUser = descending ? desc(segmentMembers.user_id) : asc(segmentMembers.user_id);
  const after = (column: SQL | AnyPgColumn, value: SQL) =>
    descending ? sql`${column} < ${value}` : sql`${column} > ${value}`;
  if (field !== "email") {
    const column = field === "joined_at" ? segmentMembers.joined_at : segmentMembers.confidence_score;
    const value =
      field === "joined_at" ? sql`${cursor?.value}::timestamptz` : sql`${cursor?.value}::double precision`;
    return [
      {
        where: cursor
          ? after(sql`(${column}, ${segmentMembers.user_id})`, sql`(${value}, ${cursor.user_id}::uuid)`)
          : undefined,
        orderBy: [descending ? desc(column) : asc(column), byUser],
      },
    ];
  }
  const withEmail = (from?: string): Phase => ({
    where: and(isNotNull(users.email), from === undefined ? undefined : after(users.email, sql`${from}`)),
    orderBy: [descending ? desc(users.email) : asc(users.email)],
  });
  const withoutEmail = (from?: string): Phase => ({
    where: and(
      isNull(users.email),
      from === undefined ? undefined : after(segmentMembers.user_id, sql`${from}::uuid`),
    ),
    orderBy: [byUser],
  });
  if (!cursor) return descending ? [withoutEmail(), withEmail()] : [withEmail(), withoutEmail()];
  if (cursor.value === null) {
    return descending ? [withoutEmail(cursor.user_id), withEmail()] : [withoutEmail(cursor.user_id)];
  }
  const email = String(cursor.value);
  return descending ? [withEmail(email)] : [withEmail(email), withoutEmail()];
}

/** The whole order in one ORDER BY, for a page read by offset. */
function sortOrder(field: SortField, descending: boolean): SQL[] {
  const byUser = descending ? desc(segmentMembers.user_id) : asc(segmentMembers.user_id);
  if (field === "email") {
    return [descending ? sql`${users.email} desc nulls first` : sql`${users.email} asc nulls last`, byUser];
  }
  const column = field === "joined_at" ? segmentMembers.joined_at : segmentMembers.confidence_score;
  return [descending ? desc(column) : asc(column), byUser];
}

export interface MemberPage extends Page<MemberRow> {
  next_cursor: string | null;
}

/**
 * A page of members in `query.sort` order, from `cursor` (keyset) or `query.offset`, with the cursor of the
 * next page. `total` is the unfiltered segment's exact `memberCount` (kept by every membership writer) and is
 * counted only when `source` or `search` filters the list.
 */
export async function listMembers(
  segmentId: string,
  query: ListMembersQuery,
  memberCount: number,
  cursor?: MemberCursor,
  db?: Database,
): Promise<MemberPage> {
  const executor = await dbOrDefault(db);
  const conditions: SQL[] = [eq(segmentMembers.segment_id, segmentId)];
  if (query.source) conditions.push(eq(segmentMembers.source, query.source));
  if (query.search) conditions.push(ilike(searchDocument, `%${escapeLike(query.search)}%`));
  const descending = query.sort.startsWith("-");
  const field = query.sort.replace(/^-/, "") as SortField;
  // One row beyond the page says whether there is a next one.
  const wanted = query.limit + 1;
  const read = (phase: Phase, limit: number, offset: number) =>
    executor
      .select({ ...listedMemberColumns, cursor_joined_at: joinedAtText })
      .from(segmentMembers)
      .innerJoin(users, eq(users.id, segmentMembers.user_id))
      .where(and(...conditions, phase.where))
      .orderBy(...phase.orderBy)
      .limit(limit)
      .offset(offset);
  const readRows = async () => {
    if (query.offset > 0) return read({ orderBy: sortOrder(field, descending) }, wanted, query.offset);
    const rows: Awaited<ReturnType<typeof read>> = [];
    for (const phase of sortPhases(field, descending, cursor)) {
      rows.push(...(await read(phase, wanted - rows.length, 0)));
      if (rows.length >= wanted) break;
    }
    return rows;
  };
  const countRows = async () => {
    if (!query.source && !query.search) return memberCount;
    const [row] = await executor
      .select({ total: count() })
      .from(segmentMembers)
      .innerJoin(users, eq(users.id, segmentMembers.user_id))
      .where(and(...conditions));
    return Number(row.total);
  };
  const [rows, total] = await Promise.all([readRows(), countRows()]);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeMemberCursor({
          sort: query.sort,
          value:
            field === "joined_at"
              ? last.cursor_joined_at
              : field === "confidence_score"
                ? last.confidence_score
                : last.user.email,
          user_id: last.user_id,
        })
      : null;
  return {
    items: items.map(({ cursor_joined_at: _, ...row }) => row as MemberRow),
    total,
    limit: query.limit,
    offset: query.offset,
    next_cursor: nextCursor,
  };
}

export interface ExportRow {
  user_id: string;
  email: string | null;
  external_id: string | null;
  name: string | null;
  confidence_score: number;
  source: string;
  joined_at: Date;
  /** joined_at at full (microsecond) precision, and the user id: where the next page starts. */
  cursor: { joined_at: string; user_id: string };
}

/**
 * On PostgreSQL, ends the export's snapshot transaction when its client stops reading for a minute, so an
 * abandoned download does not hold a connection and old row versions forever.
 */
export async function limitExportIdleTime(tx: Database): Promise<void> {
  await tx.execute(sql`select set_config('idle_in_transaction_session_timeout', '60000', true)`);
}

/**
 * One page of the export in joined_at order, resuming after `after` (keyset: no OFFSET scans), read along
 * the index `(segment_id, joined_at, user_id)`: each page costs its own rows, not a sort of the segment.
 */
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
      cursor_joined_at: joinedAtText,
    })
    .from(segmentMembers)
    .innerJoin(users, eq(users.id, segmentMembers.user_id))
    .where(
      and(
        eq(segmentMembers.segment_id, segmentId),
        after
          ? sql`(${segmentMembers.joined_at}, ${segmentMembers.user_id}) > (${after.joined_at}::timestamptz, ${after.user_id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(segmentMembers.joined_at), asc(segmentMembers.user_id))
    .limit(pageSize);
  return rows.map(({ cursor_joined_at, ...row }) => ({
    ...row,
    cursor: { joined_at: cursor_joined_at, user_id: row.user_id },
  }));
}
