import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import {
  contentRecommendationsQuery,
  contentRecommendationsSchema,
} from "@/lib/intelligence/recommendation-schemas";
import { recommendContent } from "@/lib/intelligence/recommendation-service";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/content-recommendations - unused content ranked by expected engagement here
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params, searchParams }) => {
  const id = parseId(params.segmentId, "segment_id");
  const query = parseQuery(searchParams, contentRecommendationsQuery);
  return json(contentRecommendationsSchema, await recommendContent(id, query));
});

export * from "@/lib/api/method-not-allowed";
