import { withApi } from "@/lib/api/handler";
import { parseQuery, readJson } from "@/lib/api/request";
import { created, json } from "@/lib/api/response";
import {
  createPersonaSchema,
  listPersonasQuery,
  personaPageSchema,
  personaSchema,
} from "@/lib/personas/schemas";
import { createPersona, listPersonas } from "@/lib/personas/service";

// GET /api/v1/personas - list personas, optionally matching a search term
export const GET = withApi({ scope: "segments:read" }, async ({ searchParams }) => {
  const query = parseQuery(searchParams, listPersonasQuery);
  return json(personaPageSchema, await listPersonas(query));
});

// POST /api/v1/personas - create a persona
export const POST = withApi({ scope: "segments:write" }, async ({ req }) => {
  const input = await readJson(req, createPersonaSchema);
  const persona = await createPersona(input);
  return created(personaSchema, persona, `/api/v1/personas/${persona.id}`);
});

export * from "@/lib/api/method-not-allowed";
