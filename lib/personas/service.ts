import "server-only";
import type { Persona } from "@/db/schema";
import { notFound } from "@/lib/api/errors";
import * as queries from "./queries";
import type { CreatePersonaInput, ListPersonasQuery, UpdatePersonaInput } from "./schemas";

export async function createPersona(input: CreatePersonaInput): Promise<Persona> {
  return queries.insertPersona(input);
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
  const updated = await queries.updatePersona(id, patch);
  if (!updated) throw notFound("Persona", id);
  return updated;
}

/** The persona's segments and content are kept and no longer refer to a persona. */
export async function deletePersona(id: string): Promise<void> {
  const deleted = await queries.deletePersona(id);
  if (!deleted) throw notFound("Persona", id);
}
