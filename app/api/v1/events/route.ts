import { withApi } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import {
  EVENTS_REQUEST_LIMIT_BYTES,
  eventBatchResultSchema,
  eventEnvelopeSchema,
} from "@/lib/events/schemas";
import { recordEvents } from "@/lib/events/service";

// POST /api/v1/events - record a batch of up to 10,000 events, idempotent by event_id
export const POST = withApi({ scope: "events:write" }, async ({ req }) => {
  const { events } = await readJson(req, eventEnvelopeSchema, { maxBytes: EVENTS_REQUEST_LIMIT_BYTES });
  return json(eventBatchResultSchema, await recordEvents(events));
});

export * from "@/lib/api/method-not-allowed";
