import "server-only";
import { type Database, transaction } from "@/db/client";
import { ApiError, notFound, referenceNotFound } from "@/lib/api/errors";
import { createdFields, deletedFields, diffFields } from "@/lib/audit/changes";
import { recordAudit } from "@/lib/audit/record";
import * as queries from "./queries";
import type { CreatePersonalizedInput, ListPersonalizedQuery, UpdatePersonalizedInput } from "./schemas";
import { findArm, lockSegmentSplit } from "./traffic-queries";
import { recordWeightChange } from "./traffic-split";

const toDate = (value: string | null | undefined) => (value == null ? value : new Date(value));

export async function getPersonalized(id: string) {
  const row = await queries.findPersonalized(id);
  if (!row) throw notFound("Personalized content", id);
  return row;
}

/**
 * Duplicate variant ids and a second control are refused by partial unique indexes: 409. A new arm changes the
 * segment's split, which is recorded with it.
 */
export async function createPersonalized(input: CreatePersonalizedInput) {
  const [contentFound, segmentFound] = await Promise.all([
    queries.contentExists(input.content_id),
    queries.segmentExists(input.segment_id),
  ]);
  if (!contentFound) throw referenceNotFound("content_id", "Content", input.content_id);
  if (!segmentFound) throw referenceNotFound("segment_id", "Segment", input.segment_id);
  const id = await transaction(async (tx) => {
    if (!(await lockSegmentSplit(input.segment_id, tx))) {
      throw referenceNotFound("segment_id", "Segment", input.segment_id);
    }
    const created = await queries.insertPersonalized(
      { ...input, published_at: toDate(input.published_at) },
      tx,
    );
    await recordWeightChange(
      input.segment_id,
      {
        personalized_content_id: created,
        variant_id: input.variant_id ?? null,
        from: null,
        to: input.traffic_weight,
      },
      tx,
    );
    await recordAudit(tx, {
      action: "create",
      resource_type: "personalized_content",
      resource_id: created,
      changes: createdFields(input, Object.keys(input)),
    });
    return created;
  });
  return getPersonalized(id);
}

export async function listPersonalized(query: ListPersonalizedQuery) {
  return queries.listPersonalized(query);
}

/**
 * The arm's segment locked for a change of its split: the segment is read first, then locked, then the arm
 * re-read under the lock (segment before arm, the order every split change takes).
 */
async function lockArm(id: string, tx: Database) {
  const before = await findArm(id, tx);
  if (!before) throw notFound("Personalized content", id);
  await lockSegmentSplit(before.segment_id, tx);
  const arm = await findArm(id, tx);
  if (!arm) throw notFound("Personalized content", id);
  if (arm.segment_id !== before.segment_id) {
    throw new ApiError("conflict", "The personalized content changed while it was being updated; retry.");
  }
  return arm;
}

/** A new traffic weight is recorded in the experiment history, and the new split when it differs. */
export async function updatePersonalized(id: string, patch: UpdatePersonalizedInput) {
  const { published_at, ...rest } = patch;
  const values = published_at === undefined ? rest : { ...rest, published_at: toDate(published_at) };
  await transaction(async (tx) => {
    // Every update locks its arm (not only a weight change), so that the diff in the audit log is exact.
    const arm = await lockArm(id, tx);
    const before = await queries.findPersonalized(id, tx);
    if (!before || !(await queries.updatePersonalized(id, values, tx))) {
      throw notFound("Personalized content", id);
    }
    const after = await queries.findPersonalized(id, tx);
    const changes = after ? diffFields(before, after, Object.keys(patch)) : {};
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, {
        action: "update",
        resource_type: "personalized_content",
        resource_id: id,
        changes,
      });
    }
    if (patch.traffic_weight !== undefined) {
      await recordWeightChange(
        arm.segment_id,
        {
          personalized_content_id: id,
          variant_id: patch.variant_id === undefined ? arm.variant_id : patch.variant_id,
          from: arm.traffic_weight,
          to: patch.traffic_weight,
        },
        tx,
      );
    }
  });
  return getPersonalized(id);
}

/** Removing an arm changes the segment's split, which is recorded. */
export async function deletePersonalized(id: string): Promise<void> {
  await transaction(async (tx) => {
    const arm = await lockArm(id, tx);
    if (!(await queries.deletePersonalized(id, tx))) throw notFound("Personalized content", id);
    await recordWeightChange(
      arm.segment_id,
      { personalized_content_id: id, variant_id: arm.variant_id, from: arm.traffic_weight, to: null },
      tx,
    );
    await recordAudit(tx, {
      action: "delete",
      resource_type: "personalized_content",
      resource_id: id,
      changes: deletedFields(arm, ["segment_id", "variant_id", "traffic_weight"]),
    });
  });
}
