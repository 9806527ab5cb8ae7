import "server-only";
import { transaction } from "@/db/client";
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
 * How long the export waits for a reader that has stopped reading (its connection open, nothing read)
 * before it lets go of the database: on PostgreSQL the COPY holds a connection and a snapshot meanwhile.
 */
const EXPORT_STALL_MS = 60_000;

/**
 * The segment's members as CSV: the header, then one `COPY (select …)` of the members in which PostgreSQL
 * formats every field (formula neutralisation included, the same text as csvRecord), read from one
 * read-only REPEATABLE READ snapshot, so that the file is one consistent picture even while members change.
 * On PostgreSQL the rows stream as the client consumes them (memory stays bounded; the transaction holds
 * one pooled connection); on PGlite they are read at once (snapshotCopyCsv says why). A failure after the
 * header errors the stream, so the download fails visibly instead of ending as a truncated 200; so does a
 * reader that stops reading for `stallMs`. The segment is checked first: a missing one is a 404, not an
 * empty file.
 */
export async function exportMembersCsv(
  segmentId: string,
  { stallMs = EXPORT_STALL_MS }: { stallMs?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  if (!(await findSegment(segmentId))) throw notFound("Segment", segmentId);
  const header = new TextEncoder().encode(csvRecord(memberCsvColumns));
  let cancelled = false;
  let stalled = false;
  let wake: ((wanted: boolean) => void) | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const write = async (chunk: Uint8Array) => {
          if (cancelled || stalled) return false;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) > 0) return true;
          return new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => {
              stalled = true;
              wake = undefined;
              resolve(false);
            }, stallMs);
            wake = (wanted) => {
              clearTimeout(timer);
              wake = undefined;
              resolve(wanted);
            };
          });
        };
        // PGlite hands over its chunks without waiting for them to be read: end that wait and its timer.
        const settled = () => wake?.(false);
        reads.copyMembersCsv(segmentId, header, write).then(
          () => {
            settled();
            if (cancelled) return;
            if (!stalled) return controller.close();
            console.error(`The CSV export of segment ${segmentId} stopped: nothing read for ${stallMs} ms`);
            controller.error(new Error("The export stopped: the file was not read."));
          },
          (error: unknown) => {
            settled();
            const code =
              (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ??
              (error as { code?: unknown }).code;
            console.error(
              `The CSV export of segment ${segmentId} failed${typeof code === "string" ? ` (${code})` : ""}`,
            );
            if (!cancelled) controller.error(new Error("The export failed; the file is incomplete."));
          },
        );
      },
      pull() {
        wake?.(true);
      },
      cancel() {
        cancelled = true;
        wake?.(false);
      },
    },
    { highWaterMark: 2 },
  );
}
