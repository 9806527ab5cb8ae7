import { z } from "zod";
import { freeFormObject } from "@/lib/api/input-guards";
import { timestamp } from "@/lib/api/schemas";

/** At most this many events in one request. */
export const MAX_EVENTS_PER_REQUEST = 10_000;
/** `properties` of one event, as JSON text, at most this many bytes. */
export const MAX_PROPERTIES_BYTES = 8 * 1024;
/** Room for 10,000 events with sizeable properties; a body past it is 413. */
export const EVENTS_REQUEST_LIMIT_BYTES = 32 * 1024 * 1024;
/** Senders' clocks run a little ahead at times; an event further ahead than this is a mistake. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Issue 13: a stored `purchase` adds 1 to the profile's purchase_count and its value to total_spent. */
export const PURCHASE_EVENT = "purchase";
/** A purchase's value is at most this (total_spent holds 10 digits before the decimal point). */
export const MAX_PURCHASE_VALUE = 1_000_000_000;

/** Reserved names: they concern one personalized content item and move its counters. */
export const contentEventNames = ["content_view", "content_engagement", "content_conversion"] as const;
export type ContentEventName = (typeof contentEventNames)[number];

export const isContentEvent = (name: string): name is ContentEventName =>
  (contentEventNames as readonly string[]).includes(name);

const propertiesSchema = freeFormObject(MAX_PROPERTIES_BYTES).describe(
  "Any JSON object, at most 8 KB and 8 levels deep.",
);

export const eventSchema = z
  .object({
    user_id: z.uuid().toLowerCase().optional().describe("The profile's id; give this or external_id."),
    external_id: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("The profile's external_id; an unknown one creates a bare profile (anonymous visitors)."),
    name: z
      .string()
      .regex(/^[a-z0-9_.:-]{1,100}$/, "Must be 1 to 100 of a-z 0-9 _ . : -")
      .describe(
        "Any name; `content_view`, `content_engagement` and `content_conversion` are reserved: they need " +
          "personalized_content_id and add to its counters.",
      ),
    personalized_content_id: z.uuid().toLowerCase().optional(),
    event_id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Idempotency key: an event_id already stored is not stored or counted again."),
    occurred_at: timestamp.optional().describe("Defaults to now; at most 5 minutes in the future."),
    properties: propertiesSchema.optional(),
    value: z
      .number()
      .optional()
      .describe(
        "A number that goes with the event, e.g. an order's amount. A `purchase` adds 1 to the profile's " +
          "purchase_count and its value (0 when absent; from 0 to 1,000,000,000) to total_spent; every event " +
          "moves last_active_at forward to its occurred_at.",
      ),
  })
  .strict()
  .superRefine((event, ctx) => {
    if ((event.user_id === undefined) === (event.external_id === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["user_id"],
        message: "Give exactly one of user_id and external_id",
      });
    }
    if (isContentEvent(event.name) && event.personalized_content_id === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["personalized_content_id"],
        message: `Required for ${event.name}`,
      });
    }
  })
  .meta({ id: "Event" });

/** What the document shows and clients send: a batch of events. */
export const eventBatchSchema = z
  .object({ events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_REQUEST) })
  .strict()
  .meta({
    id: "EventBatch",
    examples: [
      {
        events: [
          {
            external_id: "cus_100042",
            name: "content_view",
            personalized_content_id: "3f2b8c1e-5d4a-4b6e-9f1a-2c3d4e5f6a7b",
            event_id: "web-7f3a-0001",
          },
          {
            external_id: "cus_100042",
            name: "checkout.completed",
            occurred_at: "2026-06-01T12:00:00Z",
            properties: { plan: "pro" },
            value: 49,
          },
        ],
      },
    ],
  });

/**
 * What the handler parses first: the envelope only. Each event is then validated on its own, so that one
 * bad event is rejected by its index while its neighbours are stored.
 */
export const eventEnvelopeSchema = z
  .object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_REQUEST) })
  .strict();

const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });

export const eventBatchResultSchema = z
  .object({
    accepted: z.number().int().describe("Events stored by this request."),
    duplicates: z
      .number()
      .int()
      .describe(
        "Valid events not stored because their event_id was already stored or repeated in the batch.",
      ),
    rejected: z
      .array(z.object({ index: z.number().int(), errors: z.array(fieldErrorSchema) }))
      .describe("Invalid events, by their index in `events`; the others were processed."),
  })
  .meta({ id: "EventBatchResult" });

export type EventInput = z.infer<typeof eventSchema>;
export type EventBatchResult = z.infer<typeof eventBatchResultSchema>;
