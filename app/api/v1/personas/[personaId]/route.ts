import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json, noContent } from "@/lib/api/response";
import { personaSchema, updatePersonaSchema } from "@/lib/personas/schemas";
import { deletePersona, getPersona, updatePersona } from "@/lib/personas/service";

type Params = { personaId: string };

// GET /api/v1/personas/{persona_id} - get a persona
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params }) => {
  return json(personaSchema, await getPersona(parseId(params.personaId, "persona_id")));
});

// PUT /api/v1/personas/{persona_id} - update a persona (any subset of its fields)
export const PUT = withApi<Params>({ scope: "segments:write" }, async ({ req, params }) => {
  const id = parseId(params.personaId, "persona_id");
  const patch = await readJson(req, updatePersonaSchema);
  return json(personaSchema, await updatePersona(id, patch));
});

// PATCH /api/v1/personas/{persona_id} - same as PUT
export const PATCH = PUT;

// DELETE /api/v1/personas/{persona_id} - delete a persona; its segments and content stay, without a persona
export const DELETE = withApi<Params>({ scope: "segments:write" }, async ({ params }) => {
  await deletePersona(parseId(params.personaId, "persona_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
