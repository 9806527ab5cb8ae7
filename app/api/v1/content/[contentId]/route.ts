import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json, noContent } from "@/lib/api/response";
import { contentSchema, updateContentSchema } from "@/lib/content/schemas";
import { deleteContent, getContent, updateContent } from "@/lib/content/service";

type Params = { contentId: string };

// GET /api/v1/content/{content_id} - get a content item
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params }) => {
  return json(contentSchema, await getContent(parseId(params.contentId, "content_id")));
});

// PUT /api/v1/content/{content_id} - update a content item (any subset of its fields)
export const PUT = withApi<Params>({ scope: "content:write" }, async ({ req, params }) => {
  const id = parseId(params.contentId, "content_id");
  const patch = await readJson(req, updateContentSchema);
  return json(contentSchema, await updateContent(id, patch));
});

// PATCH /api/v1/content/{content_id} - same as PUT
export const PATCH = PUT;

// DELETE /api/v1/content/{content_id} - delete a content item with its personalized content
export const DELETE = withApi<Params>({ scope: "content:write" }, async ({ params }) => {
  await deleteContent(parseId(params.contentId, "content_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
