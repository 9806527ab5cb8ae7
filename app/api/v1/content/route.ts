import { withApi } from "@/lib/api/handler";
import { parseQuery, readJson } from "@/lib/api/request";
import { created, json } from "@/lib/api/response";
import {
  contentPageSchema,
  contentSchema,
  createContentSchema,
  listContentQuery,
} from "@/lib/content/schemas";
import { createContent, listContent } from "@/lib/content/service";

// GET /api/v1/content - list content, filtered by persona, type or a search term
export const GET = withApi({ scope: "segments:read" }, async ({ searchParams }) => {
  const query = parseQuery(searchParams, listContentQuery);
  return json(contentPageSchema, await listContent(query));
});

// POST /api/v1/content - create a content item
export const POST = withApi({ scope: "content:write" }, async ({ req }) => {
  const input = await readJson(req, createContentSchema);
  const item = await createContent(input);
  return created(contentSchema, item, `/api/v1/content/${item.id}`);
});

export * from "@/lib/api/method-not-allowed";
