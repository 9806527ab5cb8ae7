import "server-only";
import { transaction } from "@/db/client";
import type { Content } from "@/db/schema";
import { notFound, referenceNotFound } from "@/lib/api/errors";
import { createdFields, deletedFields, diffFields } from "@/lib/audit/changes";
import { recordAudit } from "@/lib/audit/record";
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
  return transaction(async (tx) => {
    const created = await queries.insertContent(input, tx);
    await recordAudit(tx, {
      action: "create",
      resource_type: "content",
      resource_id: created.id,
      changes: createdFields(created, Object.keys(input)),
    });
    return created;
  });
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
  return transaction(async (tx) => {
    const current = await queries.lockContent(id, tx);
    const updated = current && (await queries.updateContent(id, patch, tx));
    if (!current || !updated) throw notFound("Content", id);
    const changes = diffFields(current, updated, Object.keys(patch));
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { action: "update", resource_type: "content", resource_id: id, changes });
    }
    return updated;
  });
}

/** Deletes the content with every personalized placement of it and their performance history. */
export async function deleteContent(id: string): Promise<void> {
  await transaction(async (tx) => {
    const current = await queries.lockContent(id, tx);
    if (!current || !(await queries.deleteContent(id, tx))) throw notFound("Content", id);
    await recordAudit(tx, {
      action: "delete",
      resource_type: "content",
      resource_id: id,
      changes: deletedFields(current, ["title", "content_type"]),
    });
  });
}
