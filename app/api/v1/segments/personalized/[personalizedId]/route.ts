import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json, noContent } from "@/lib/api/response";
import { personalizedContentSchema, updatePersonalizedSchema } from "@/lib/personalized/schemas";
import { deletePersonalized, getPersonalized, updatePersonalized } from "@/lib/personalized/service";

type Params = { personalizedId: string };

// GET /api/v1/segments/personalized/{personalized_id} - get personalized content with its performance
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params }) => {
  return json(
    personalizedContentSchema,
    await getPersonalized(parseId(params.personalizedId, "personalized_id")),
  );
});

// PATCH /api/v1/segments/personalized/{personalized_id} - change the variant, control flag, publication time or traffic weight
export const PATCH = withApi<Params>({ scope: "content:write" }, async ({ req, params }) => {
  const id = parseId(params.personalizedId, "personalized_id");
  const patch = await readJson(req, updatePersonalizedSchema);
  return json(personalizedContentSchema, await updatePersonalized(id, patch));
});

// DELETE /api/v1/segments/personalized/{personalized_id} - delete personalized content with its history
export const DELETE = withApi<Params>({ scope: "content:write" }, async ({ params }) => {
  await deletePersonalized(parseId(params.personalizedId, "personalized_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
