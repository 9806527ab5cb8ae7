import "server-only";
import { transaction } from "@/db/client";
import { notFound, referenceNotFound } from "@/lib/api/errors";
import * as queries from "./queries";
import type { CreatePersonalizedInput, ListPersonalizedQuery, UpdatePersonalizedInput } from "./schemas";

const toDate = (value: string | null | undefined) => (value == null ? value : new Date(value));

export async function getPersonalized(id: string) {
  const row = await queries.findPersonalized(id);
  if (!row) throw notFound("Personalized content", id);
  return row;
}

/** Duplicate variant ids and a second control are refused by partial unique indexes: 409. */
export async function createPersonalized(input: CreatePersonalizedInput) {
  const [contentFound, segmentFound] = await Promise.all([
    queries.contentExists(input.content_id),
    queries.segmentExists(input.segment_id),
  ]);
  if (!contentFound) throw referenceNotFound("content_id", "Content", input.content_id);
  if (!segmentFound) throw referenceNotFound("segment_id", "Segment", input.segment_id);
  const id = await transaction(async (tx) =>
    queries.insertPersonalized({ ...input, published_at: toDate(input.published_at) }, tx),
  );
  return getPersonalized(id);
}

export async function listPersonalized(query: ListPersonalizedQuery) {
  return queries.listPersonalized(query);
}

export async function updatePersonalized(id: string, patch: UpdatePersonalizedInput) {
  const { published_at, ...rest } = patch;
  const values = published_at === undefined ? rest : { ...rest, published_at: toDate(published_at) };
  if (!(await queries.updatePersonalized(id, values))) throw notFound("Personalized content", id);
  return getPersonalized(id);
}

export async function deletePersonalized(id: string): Promise<void> {
  if (!(await queries.deletePersonalized(id))) throw notFound("Personalized content", id);
}
