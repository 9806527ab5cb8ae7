import "server-only";
import { type Database, transaction } from "@/db/client";
import type { Segment } from "@/db/schema";
import { ApiError, notFound, referenceNotFound } from "@/lib/api/errors";
import { insertRevision } from "@/lib/criteria/queries";
import { estimateCriteriaSize, refreshMembership } from "@/lib/criteria/refresh";
import { definitionChanges, segmentDefinition } from "@/lib/criteria/segment-definition";
import { personaExists } from "@/lib/personas/queries";
import * as queries from "./queries";
import type { CreateSegmentInput, ListSegmentsQuery, UpdateSegmentInput } from "./schemas";

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
    const estimated_size = await estimateCriteriaSize(input.criteria, tx);
    const segment = await queries.insertSegment({ ...input, estimated_size }, tx);
    await insertRevision(
      {
        segment_id: segment.id,
        changes: definitionChanges(null, segmentDefinition(segment)),
        definition: segmentDefinition(segment),
        estimated_size,
      },
      tx,
    );
    return refreshIfDynamic(segment, tx);
  });
}

export async function getSegment(id: string): Promise<Segment> {
  const segment = await queries.findSegment(id);
  if (!segment) throw notFound("Segment", id);
  return segment;
}

export async function listSegments(query: ListSegmentsQuery) {
  const { items, total } = await queries.listSegments(query);
  return { items, total, limit: query.limit, offset: query.offset };
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
    const values = criteriaChanged
      ? { ...patch, estimated_size: await estimateCriteriaSize(patch.criteria!, tx) }
      : patch;
    const updated = await queries.updateSegment(id, values, tx);
    if (!updated) throw new ApiError("conflict", `Segment ${id} was deleted while it was being updated.`);
    if (Object.keys(changes).length === 0) return updated;
    await insertRevision(
      {
        segment_id: id,
        changes,
        definition: segmentDefinition(updated),
        estimated_size: updated.estimated_size,
      },
      tx,
    );
    const startsFollowing = followsCriteria(updated) && (criteriaChanged || !followsCriteria(current));
    return startsFollowing ? refreshIfDynamic(updated, tx) : updated;
  });
}

export async function deleteSegment(id: string): Promise<void> {
  const deleted = await queries.deleteSegment(id);
  if (!deleted) throw notFound("Segment", id);
}
