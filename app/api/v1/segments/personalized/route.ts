import { withApi } from "@/lib/api/handler";
import { parseQuery, readJson } from "@/lib/api/request";
import { created, json } from "@/lib/api/response";
import {
  createPersonalizedSchema,
  listPersonalizedQuery,
  personalizedContentSchema,
  personalizedPageSchema,
} from "@/lib/personalized/schemas";
import { createPersonalized, listPersonalized } from "@/lib/personalized/service";

// GET /api/v1/segments/personalized - list personalized content, filtered by segment, content or variant
export const GET = withApi({ scope: "segments:read" }, async ({ searchParams }) => {
  const query = parseQuery(searchParams, listPersonalizedQuery);
  return json(personalizedPageSchema, await listPersonalized(query));
});

// POST /api/v1/segments/personalized - target a content item (or an A/B variant of it) at a segment
export const POST = withApi({ scope: "content:write" }, async ({ req }) => {
  const input = await readJson(req, createPersonalizedSchema);
  const row = await createPersonalized(input);
  return created(personalizedContentSchema, row, `/api/v1/segments/personalized/${row.id}`);
});

export * from "@/lib/api/method-not-allowed";
