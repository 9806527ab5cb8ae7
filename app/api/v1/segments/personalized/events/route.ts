import { withApi } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { recordPerformanceEvents } from "@/lib/personalized/performance-service";
import {
  EVENTS_BODY_LIMIT_BYTES,
  performanceEventsResultSchema,
  performanceEventsSchema,
} from "@/lib/personalized/schemas";

// POST /api/v1/segments/personalized/events - record a batch of up to 10,000 view, engagement and conversion events
export const POST = withApi({ scope: "events:write" }, async ({ req }) => {
  const { events } = await readJson(req, performanceEventsSchema, { maxBytes: EVENTS_BODY_LIMIT_BYTES });
  return json(performanceEventsResultSchema, await recordPerformanceEvents(events));
});

export * from "@/lib/api/method-not-allowed";
