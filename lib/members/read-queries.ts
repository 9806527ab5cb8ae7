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
import { z } from "zod";
import { boundedJson } from "@/db/bounded-json";
import { type Database, dbOrDefault } from "@/db/client";
import { type CsvWrite, snapshotCopyCsv } from "@/db/copy-csv";
import { escapeLike, type Page } from "@/db/rows";
import { segmentMembers, users } from "@/db/schema";
import { userSummaryColumns } from "@/lib/users/queries";
import { encodeMemberCursor, type MemberCursor } from "./member-cursor";
import { csvNumberSql, csvTextSql, csvTimestampSql } from "./members-csv";
import { type ListMembersQuery, type Member, memberCsvColumns } from "./schemas";

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
  const readByOffset = () => {
    const orderBy = sortOrder(field, descending);
    if (field === "email" || query.search) return read({ orderBy }, wanted, query.offset);
    // A deferred join: the page's members from the membership index alone, then their users. Joined before
    // the offset, every skipped member cost a user lookup (8.7 s at offset 200,000 of 300,000).
    const page = executor
      .select({ user_id: segmentMembers.user_id })
      .from(segmentMembers)
      .where(and(...conditions))
      .orderBy(...orderBy)
      .limit(wanted)
      .offset(query.offset)
      .as("page");
    return executor
      .select({ ...listedMemberColumns, cursor_joined_at: joinedAtText })
      .from(segmentMembers)
      .innerJoin(page, eq(page.user_id, segmentMembers.user_id))
      .innerJoin(users, eq(users.id, segmentMembers.user_id))
      .where(eq(segmentMembers.segment_id, segmentId))
      .orderBy(...orderBy);
  };
  const readRows = async () => {
    if (query.offset > 0) return readByOffset();
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

/**
 * The export's SELECT, as SQL text for COPY (which takes no parameters): the columns of memberCsvColumns,
 * each formatted in SQL as csvField formats it, in joined_at then user id order. A whole-segment read, so
 * the planner is free to hash-join the users rather than look each one up. The segment id is the one
 * value in the text: parsed as a UUID first, it holds nothing but hex digits and dashes.
 */
export function memberCsvSelect(segmentId: string): string {
  const id = z.guid().parse(segmentId);
  const columns: Record<(typeof memberCsvColumns)[number], string> = {
    user_id: "m.user_id",
    email: csvTextSql("u.email"),
    external_id: csvTextSql("u.external_id"),
    name: csvTextSql("u.name"),
    confidence_score: csvNumberSql("m.confidence_score"),
    source: csvTextSql("m.source"),
    joined_at: csvTimestampSql("m.joined_at"),
  };
  return `select ${memberCsvColumns.map((column) => columns[column]).join(", ")}
    from segment_members m join users u on u.id = m.user_id
    where m.segment_id = '${id}'::uuid
    order by m.joined_at, m.user_id`;
}

/** The segment's members as CSV records (after `head`), from one snapshot: see snapshotCopyCsv. */
export function copyMembersCsv(segmentId: string, head: Uint8Array, write: CsvWrite): Promise<void> {
  return snapshotCopyCsv(memberCsvSelect(segmentId), head, write);
}
