import "server-only";
import type { Content } from "@/db/schema";
import { notFound, referenceNotFound } from "@/lib/api/errors";
import { personaExists } from "@/lib/personas/queries";
import * as queries from "./queries";
import type { CreateContentInput, ListContentQuery, UpdateContentInput } from "./schemas";

async function assertPersonaExists(personaId: string | null | undefined): Promise<void> {
  if (personaId && !(await personaExists(personaId))) {
    throw referenceNotFound("persona_id", "Persona", personaId);
  }
}

export async function createContent(input: CreateContentInput): Promise<Content> {
  await assertPersonaExists(input.persona_id);
  return queries.insertContent(input);
}

export async function getContent(id: string): Promise<Content> {
  const found = await queries.findContent(id);
  if (!found) throw notFound("Content", id);
  return found;
}

export async function listContent(query: ListContentQuery) {
  return queries.listContent(query);
}

export async function updateContent(id: string, patch: UpdateContentInput): Promise<Content> {
  await assertPersonaExists(patch.persona_id);
  const updated = await queries.updateContent(id, patch);
  if (!updated) throw notFound("Content", id);
  return updated;
}

/** Deletes the content with every personalized placement of it and their performance history. */
export async function deleteContent(id: string): Promise<void> {
  const deleted = await queries.deleteContent(id);
  if (!deleted) throw notFound("Content", id);
}
