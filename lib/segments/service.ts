import "server-only";
import { type Database, transaction } from "@/db/client";
import type { BackgroundJob, Segment } from "@/db/schema";
import { ApiError, notFound, referenceNotFound } from "@/lib/api/errors";
import { currentActor } from "@/lib/audit/actor-context";
import { createdFields, deletedFields, diffFields } from "@/lib/audit/changes";
import { recordAudit } from "@/lib/audit/record";
import { listConditions } from "@/lib/criteria/ast";
import { actualValue } from "@/lib/criteria/evaluate";
import { parseValidCriteria } from "@/lib/criteria/parse-criteria";
import { explainUser } from "@/lib/criteria/queries";
import { estimateCriteriaSize } from "@/lib/criteria/service";
import { readEnv } from "@/lib/env";
import { findActiveJob, insertJob } from "@/lib/jobs/queries";
import { runInBackground } from "@/lib/jobs/runner";
import { personaExists } from "@/lib/personas/queries";
import * as queries from "./queries";
import { refreshMembership } from "./refresh";
import { refreshSegmentInBatches } from "./refresh-in-batches";
import { countUsers } from "./refresh-queries";
import { insertRevision, listRevisions } from "./revision-queries";
import type { CreateSegmentInput, ListSegmentsQuery, RevisionsQuery, UpdateSegmentInput } from "./schemas";
import { definitionChanges, definitionFields, segmentDefinition } from "./segment-definition";
import { assertSegmentReferences } from "./segment-references";

async function assertPersonaExists(personaId: string | null | undefined): Promise<void> {
  if (personaId && !(await personaExists(personaId))) {
    throw referenceNotFound("persona_id", "Persona", personaId);
  }
}

/** Dynamic membership follows the criteria only while the segment is active. */
const followsCriteria = (segment: Segment) =>
  segment.membership_mode === "dynamic" && segment.status === "active";

async function refreshIfDynamic(segment: Segment, tx: Database): Promise<Segment> {
  if (!followsCriteria(segment)) return segment;
  const locked = await queries.lockSegment(segment.id, tx);
  if (!locked) return segment;
  const { member_count } = await refreshMembership(locked, tx);
  return { ...locked, member_count };
}

export async function createSegment(input: CreateSegmentInput): Promise<Segment> {
  await assertPersonaExists(input.persona_id);
  return transaction(async (tx) => {
    await assertSegmentReferences(input.criteria, null, tx);
    const estimated_size = await estimateCriteriaSize(input.criteria, tx);
    const segment = await queries.insertSegment({ ...input, estimated_size }, tx);
    await insertRevision(
      {
        segment_id: segment.id,
        changes: definitionChanges(null, segmentDefinition(segment)),
        definition: segmentDefinition(segment),
        estimated_size,
        author: currentActor(),
      },
      tx,
    );
    await recordAudit(tx, {
      action: "create",
      resource_type: "segment",
      resource_id: segment.id,
      changes: createdFields(segment, [...definitionFields, "priority"]),
    });
    return refreshIfDynamic(segment, tx);
  });
}

export async function getSegment(id: string): Promise<Segment> {
  const segment = await queries.findSegment(id);
  if (!segment) throw notFound("Segment", id);
  return segment;
}

export async function listSegments(query: ListSegmentsQuery) {
  return queries.listSegments(query);
}

/**
 * Applies the change, keeps estimated_size current when the criteria change, records a revision when the
 * definition changed, and refreshes a dynamic segment whose criteria, mode or status now call for it.
 */
export async function updateSegment(id: string, patch: UpdateSegmentInput): Promise<Segment> {
  await assertPersonaExists(patch.persona_id);
  return transaction(async (tx) => {
    const current = await queries.lockSegment(id, tx);
    if (!current) throw notFound("Segment", id);
    const changes = definitionChanges(segmentDefinition(current), {
      ...segmentDefinition(current),
      ...patch,
    });
    const criteriaChanged = "criteria" in changes;
    if (criteriaChanged) await assertSegmentReferences(patch.criteria!, id, tx);
    const values = criteriaChanged
      ? { ...patch, estimated_size: await estimateCriteriaSize(patch.criteria!, tx) }
      : patch;
    const updated = await queries.updateSegment(id, values, tx);
    if (!updated) throw new ApiError("conflict", `Segment ${id} was deleted while it was being updated.`);
    const changed = diffFields(current, updated, [...Object.keys(patch), "estimated_size"]);
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, {
        action: "update",
        resource_type: "segment",
        resource_id: id,
        changes: changed,
      });
    }
    if (Object.keys(changes).length === 0) return updated;
    await insertRevision(
      {
        segment_id: id,
        changes,
        definition: segmentDefinition(updated),
        estimated_size: updated.estimated_size,
        author: currentActor(),
      },
      tx,
    );
    const startsFollowing = followsCriteria(updated) && (criteriaChanged || !followsCriteria(current));
    return startsFollowing ? refreshIfDynamic(updated, tx) : updated;
  });
}

export async function deleteSegment(id: string): Promise<void> {
  await transaction(async (tx) => {
    const segment = await queries.lockSegment(id, tx);
    if (!segment || !(await queries.deleteSegment(id, tx))) throw notFound("Segment", id);
    await recordAudit(tx, {
      action: "delete",
      resource_type: "segment",
      resource_id: id,
      changes: deletedFields(segment, ["segment_name", "membership_mode", "status", "member_count"]),
    });
  });
}

/** POST /segments/{id}/refresh: the segment's criteria members brought up to date, under its lock. */
export async function refreshSegment(segmentId: string) {
  const started = performance.now();
  const result = await transaction(async (tx) => {
    const segment = await queries.lockSegment(segmentId, tx);
    if (!segment) throw notFound("Segment", segmentId);
    const refreshed = await refreshMembership(segment, tx);
    await recordAudit(tx, {
      action: "refresh",
      resource_type: "segment",
      resource_id: segmentId,
      changes: diffFields(segment, refreshed, ["member_count"]),
      summary: { added: refreshed.added, removed: refreshed.removed },
    });
    return refreshed;
  });
  return { ...result, took_ms: Math.round((performance.now() - started) * 10) / 10 };
}

export type RefreshMode = "auto" | "sync" | "async";

/**
 * POST /segments/{id}/refresh as asked: at once, or as a background job (`mode` async, or auto and the
 * refresh is big: REFRESH_ASYNC_MIN_USERS users to scan or members to check). A segment already being
 * refreshed in the background answers with that job instead of starting a second one.
 */
export async function requestRefresh(
  segmentId: string,
  mode: RefreshMode,
): Promise<{ job: BackgroundJob } | { result: Awaited<ReturnType<typeof refreshSegment>> }> {
  const segment = await getSegment(segmentId);
  const env = readEnv();
  const big = async () => Math.max(segment.member_count, await countUsers()) >= env.REFRESH_ASYNC_MIN_USERS;
  if (mode === "sync" || (mode === "auto" && !(await big()))) {
    return { result: await refreshSegment(segmentId) };
  }
  const active = await findActiveJob("segment_refresh", segmentId);
  if (active) return { job: active };
  const job = await insertJob({ kind: "segment_refresh", segment_id: segmentId });
  void runInBackground(job, (context) => refreshSegmentInBatches(segmentId, env.REFRESH_BATCH_SIZE, context));
  return { job };
}

/** Why a user does or does not match the segment's criteria: every condition, expected and actual. */
export async function explainMembership(segmentId: string, userId: string) {
  const segment = await getSegment(segmentId);
  const node = parseValidCriteria(segment.criteria);
  const row = await explainUser(node, new Date(), userId);
  if (!row) throw notFound("User", userId);
  const conditions = listConditions(node).map((condition, i) => ({
    path: condition.path,
    label: condition.label,
    field: condition.field,
    op: condition.op,
    expected: condition.value,
    // Event conditions show what was measured (the count, the sum, …); segment references, membership.
    actual:
      condition.event || condition.segment
        ? (row.behavior[i] ?? null)
        : (actualValue(condition, row.user) ?? null),
    passed: Boolean(row.results[i]),
  }));
  return {
    segment_id: segmentId,
    user_id: userId,
    matches: Boolean(row.matches),
    confidence_score: row.matches ? Number(row.confidence) : 0,
    min_match: node.minMatch,
    conditions,
  };
}

export async function listSegmentRevisions(segmentId: string, query: RevisionsQuery) {
  await getSegment(segmentId);
  return listRevisions(segmentId, query);
}
