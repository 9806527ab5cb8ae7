import { withApi } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { insightsQuery, insightsSchema } from "@/lib/intelligence/insight-schemas";
import { readInsights } from "@/lib/intelligence/insight-service";

// GET /api/v1/insights - segments ranked with shrinkage, what goes with engagement, competing content
export const GET = withApi({ scope: "segments:read" }, async ({ searchParams }) => {
  const query = parseQuery(searchParams, insightsQuery);
  return json(insightsSchema, await readInsights(query));
});

export * from "@/lib/api/method-not-allowed";
