import { withApi } from "@/lib/api/handler";
import { parseId, parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { forecastQuery, forecastSchema } from "@/lib/forecast/schemas";
import { forecastSegment } from "@/lib/forecast/service";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/forecast - Holt-Winters forecast of a daily metric, with its backtest
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params, searchParams }) => {
  const id = parseId(params.segmentId, "segment_id");
  const query = parseQuery(searchParams, forecastQuery);
  return json(forecastSchema, await forecastSegment(id, query));
});

export * from "@/lib/api/method-not-allowed";
