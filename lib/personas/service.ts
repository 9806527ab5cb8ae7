import "server-only";
import { transaction } from "@/db/client";
import type { Persona } from "@/db/schema";
import { notFound } from "@/lib/api/errors";
import { createdFields, deletedFields, diffFields } from "@/lib/audit/changes";
import { recordAudit } from "@/lib/audit/record";
import * as queries from "./queries";
import type { CreatePersonaInput, ListPersonasQuery, UpdatePersonaInput } from "./schemas";

export async function createPersona(input: CreatePersonaInput): Promise<Persona> {
  return transaction(async (tx) => {
    const persona = await queries.insertPersona(input, tx);
    await recordAudit(tx, {
      action: "create",
      resource_type: "persona",
      resource_id: persona.id,
      changes: createdFields(persona, Object.keys(input)),
    });
    return persona;
  });
}

export async function getPersona(id: string): Promise<Persona> {
  const persona = await queries.findPersona(id);
  if (!persona) throw notFound("Persona", id);
  return persona;
}

export async function listPersonas(query: ListPersonasQuery) {
  return queries.listPersonas(query);
}

export async function updatePersona(id: string, patch: UpdatePersonaInput): Promise<Persona> {
  return transaction(async (tx) => {
    const current = await queries.lockPersona(id, tx);
    const updated = current && (await queries.updatePersona(id, patch, tx));
    if (!current || !updated) throw notFound("Persona", id);
    const changes = diffFields(current, updated, Object.keys(patch));
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { action: "update", resource_type: "persona", resource_id: id, changes });
    }
    return updated;
  });
}

/** The persona's segments and content are kept and no longer refer to a persona. */
export async function deletePersona(id: string): Promise<void> {
  await transaction(async (tx) => {
    const current = await queries.lockPersona(id, tx);
    if (!current || !(await queries.deletePersona(id, tx))) throw notFound("Persona", id);
    await recordAudit(tx, {
      action: "delete",
      resource_type: "persona",
      resource_id: id,
      changes: deletedFields(current, ["name"]),
    });
  });
}
