import "server-only";
import { snapshotTransaction, transaction } from "@/db/client";
import { ApiError, notFound } from "@/lib/api/errors";
import type { FieldError } from "@/lib/api/schemas";
import { recordAudit } from "@/lib/audit/record";
import { findSegment, lockSegment } from "@/lib/segments/queries";
import { decodeMemberCursor } from "./member-cursor";
import { csvRecord } from "./members-csv";
import * as queries from "./queries";
import * as reads from "./read-queries";
import {
  type AddMemberInput,
  type BulkAddMembersInput,
  type BulkRemoveMembersInput,
  type ListMembersQuery,
  type MemberIdentifiers,
  memberCsvColumns,
} from "./schemas";

type IdentifierField = keyof MemberIdentifiers;
const identifierFields: IdentifierField[] = ["user_ids", "emails", "external_ids"];
const identifierColumn = { user_ids: "id", emails: "email", external_ids: "external_id" } as const;

/** The identifiers (with their body path) that none of `matched` carries, first occurrence only. */
function unmatchedIdentifiers(identifiers: MemberIdentifiers, matched: readonly queries.IdentifiedUser[]) {
  const unmatched: { value: string; field: string }[] = [];
  for (const key of identifierFields) {
    const known = new Set(matched.map((user) => user[identifierColumn[key]]));
    const seen = new Set<string>();
    (identifiers[key] ?? []).forEach((value, index) => {
      if (known.has(value) || seen.has(value)) return;
      seen.add(value);
      unmatched.push({ value, field: `${key}.${index}` });
    });
  }
  return unmatched;
}

const MAX_FIELD_ERRORS = 100;

function unknownUsersError(unknown: { value: string; field: string }[]): ApiError {
  const errors: FieldError[] = unknown.slice(0, MAX_FIELD_ERRORS).map(({ value, field }) => ({
    field,
    location: "body",
    message: `No user has this identifier (${value})`,
  }));
  const shown = unknown.slice(0, 10).map((item) => item.value);
  const more = unknown.length > shown.length ? ` and ${unknown.length - shown.length} more` : "";
  return new ApiError(
    "reference_not_found",
    `${unknown.length} identifier(s) match no user: ${shown.join(", ")}${more}. Send skip_unknown: true to add the others.`,
    errors,
  );
}

export async function getMember(segmentId: string, userId: string) {
  const member = await reads.findMember(segmentId, userId);
  if (!member) throw notFound("Member", userId);
  return member;
}

/** Adds one user as a manual member; `created` is false when the user was a member already (then updated). */
export async function addMember(segmentId: string, userId: string, input: AddMemberInput) {
  return transaction(async (tx) => {
    const [user] = await queries.lockIdentifiedUsers({ user_ids: [userId] }, tx);
    const segment = await lockSegment(segmentId, tx);
    if (!segment) throw notFound("Segment", segmentId);
    if (!user) throw notFound("User", userId);
    const { added, member_count } = await queries.upsertManualMembers(segmentId, [userId], input, tx);
    // Read inside the transaction, under the segment's lock: read after the commit, a concurrent removal
    // could take the member away first and turn a successful add into a spurious conflict.
    const member = await reads.findMember(segmentId, userId, tx);
    if (!member) throw new Error(`Member ${userId} of segment ${segmentId} missing right after its upsert`);
    await recordAudit(tx, {
      action: added === 1 ? "add_member" : "update_member",
      resource_type: "segment",
      resource_id: segmentId,
      changes: {
        user_id: { before: added === 1 ? null : userId, after: userId },
        member_count: { before: segment.member_count, after: member_count },
      },
    });
    return { created: added === 1, member };
  });
}

export async function removeMember(segmentId: string, userId: string): Promise<void> {
  await transaction(async (tx) => {
    const segment = await lockSegment(segmentId, tx);
    if (!segment) throw notFound("Segment", segmentId);
    const { removed, member_count } = await queries.removeMembers(segmentId, { user_ids: [userId] }, tx);
    if (removed.length === 0) throw notFound("Member", userId);
    await recordAudit(tx, {
      action: "remove_member",
      resource_type: "segment",
      resource_id: segmentId,
      changes: {
        user_id: { before: userId, after: null },
        member_count: { before: segment.member_count, after: member_count },
      },
    });
  });
}

/** All or nothing: one transaction; unknown identifiers fail the request unless skip_unknown. */
export async function addMembers(segmentId: string, input: BulkAddMembersInput) {
  return transaction(async (tx) => {
    const users = await queries.lockIdentifiedUsers(input, tx);
    const segment = await lockSegment(segmentId, tx);
    if (!segment) throw notFound("Segment", segmentId);
    const unknown = unmatchedIdentifiers(input, users);
    if (unknown.length > 0 && !input.skip_unknown) throw unknownUsersError(unknown);
    const result = await queries.upsertManualMembers(
      segmentId,
      users.map((user) => user.id),
      { confidence_score: input.confidence_score, assignment_reason: input.assignment_reason },
      tx,
    );
    // One entry with counts, however many members: the identifiers themselves stay out of the log.
    await recordAudit(tx, {
      action: "add_members",
      resource_type: "segment",
      resource_id: segmentId,
      changes: { member_count: { before: segment.member_count, after: result.member_count } },
      summary: {
        requested: users.length + unknown.length,
        added: result.added,
        updated: result.updated,
        not_found: unknown.length,
      },
    });
    return { ...result, not_found: unknown.map((item) => item.value) };
  });
}

export async function removeMembers(segmentId: string, input: BulkRemoveMembersInput) {
  return transaction(async (tx) => {
    const segment = await lockSegment(segmentId, tx);
    if (!segment) throw notFound("Segment", segmentId);
    const { removed, member_count } = await queries.removeMembers(segmentId, input, tx);
    const matched = removed.map((member) => ({
      id: member.user_id,
      email: member.email,
      external_id: member.external_id,
    }));
    const notMembers = unmatchedIdentifiers(input, matched).map((item) => item.value);
    await recordAudit(tx, {
      action: "remove_members",
      resource_type: "segment",
      resource_id: segmentId,
      changes: { member_count: { before: segment.member_count, after: member_count } },
      summary: { removed: removed.length, not_members: notMembers.length },
    });
    return { removed: removed.length, not_members: notMembers, member_count };
  });
}

export async function listMembers(segmentId: string, query: ListMembersQuery) {
  if (query.cursor && query.offset > 0) {
    throw new ApiError("validation_failed", "Invalid query: give either cursor or offset, not both.", [
      { field: "cursor", location: "query", message: "Not together with an offset above 0" },
    ]);
  }
  const cursor = query.cursor ? decodeMemberCursor(query.cursor, query.sort) : undefined;
  const segment = await findSegment(segmentId);
  if (!segment) throw notFound("Segment", segmentId);
  return reads.listMembers(segmentId, query, segment.member_count, cursor);
}

/**
 * Rows per page of the export: big enough that the per-statement cost vanishes beside the rows (each page
 * is one index range), small enough that a page's rows and text stay a few megabytes.
 */
const EXPORT_PAGE_SIZE = 20_000;

/**
 * The segment's members as CSV, read page by page inside one snapshot (a read-only REPEATABLE READ
 * transaction), so that the file is one consistent picture even while members change. On PostgreSQL the
 * pages are read as the client consumes them (memory stays bounded; the transaction holds one pooled
 * connection). On PGlite, whose one connection every request shares, the pages are read at once and
 * buffered: a transaction left open for a slow download would stop the whole server. A failure after the
 * header errors the stream, so the download fails visibly instead of ending as a truncated 200.
 * The segment is checked first: a missing one is a 404, not an empty file.
 */
export async function exportMembersCsv(
  segmentId: string,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  if (!(await findSegment(segmentId))) throw notFound("Segment", segmentId);
  const encoder = new TextEncoder();
  let cancelled = false;
  let wake: (() => void) | undefined;
  const demand = () => {
    wake?.();
    wake = undefined;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvRecord(memberCsvColumns)));
        const produce = snapshotTransaction(async (tx, driver) => {
          const paced = driver === "postgres";
          if (paced) await reads.limitExportIdleTime(tx);
          let cursor: reads.ExportRow["cursor"] | undefined;
          while (!cancelled) {
            while (paced && !cancelled && (controller.desiredSize ?? 1) <= 0) {
              await new Promise<void>((resolve) => {
                wake = resolve;
              });
            }
            if (cancelled) return;
            const rows = await reads.exportMembersPage(segmentId, cursor, pageSize, tx);
            if (cancelled) return;
            if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(memberCsvRecord).join("")));
            if (rows.length < pageSize) return;
            cursor = rows[rows.length - 1].cursor;
          }
        });
        produce.then(
          () => {
            if (!cancelled) controller.close();
          },
          (error: unknown) => {
            const code = (error as { code?: string; cause?: { code?: string } }).cause?.code;
            console.error(
              `The CSV export of segment ${segmentId} failed${code ? ` (SQLSTATE ${code})` : ""}`,
            );
            if (!cancelled) controller.error(new Error("The export failed; the file is incomplete."));
          },
        );
      },
      pull: demand,
      cancel() {
        cancelled = true;
        demand();
      },
    },
    { highWaterMark: 2 },
  );
}

const memberCsvRecord = (row: reads.ExportRow) =>
  csvRecord([
    row.user_id,
    row.email,
    row.external_id,
    row.name,
    row.confidence_score,
    row.source,
    row.joined_at,
  ]);
