import "server-only";
import { transaction } from "@/db/client";
import type { Segment } from "@/db/schema";
import { ApiError, notFound, referenceNotFound } from "@/lib/api/errors";
import { personaExists } from "@/lib/personas/queries";
import * as queries from "./queries";
import type { CreateSegmentInput, ListSegmentsQuery, UpdateSegmentInput } from "./schemas";

async function assertPersonaExists(personaId: string | null | undefined): Promise<void> {
  if (personaId && !(await personaExists(personaId))) {
    throw referenceNotFound("persona_id", "Persona", personaId);
  }
}

export async function createSegment(input: CreateSegmentInput): Promise<Segment> {
  await assertPersonaExists(input.persona_id);
  return transaction(async (tx) => queries.insertSegment(input, tx));
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

export async function updateSegment(id: string, patch: UpdateSegmentInput): Promise<Segment> {
  await assertPersonaExists(patch.persona_id);
  return transaction(async (tx) => {
    const current = await queries.lockSegment(id, tx);
    if (!current) throw notFound("Segment", id);
    const updated = await queries.updateSegment(id, patch, tx);
    if (!updated) throw new ApiError("conflict", `Segment ${id} was deleted while it was being updated.`);
    return updated;
  });
}

export async function deleteSegment(id: string): Promise<void> {
  const deleted = await queries.deleteSegment(id);
  if (!deleted) throw notFound("Segment", id);
}
