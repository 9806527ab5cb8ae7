import { withApi } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { discoverRequestSchema, discoverResultSchema } from "@/lib/discovery/schemas";
import { discoverSegments } from "@/lib/discovery/service";

// POST /api/v1/segments/discover - cluster a sample of profiles and propose each cluster as criteria
export const POST = withApi({ scope: "segments:read" }, async ({ req }) => {
  const input = await readJson(req, discoverRequestSchema, { optional: true });
  return json(discoverResultSchema, await discoverSegments(input));
});

export * from "@/lib/api/method-not-allowed";
