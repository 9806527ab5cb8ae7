import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";

import { webhookEventTypes } from "./event-types";

export { webhookEventTypes };
export const deliveryStatuses = ["pending", "delivered", "failed"] as const;

/** Standard Webhooks secrets: `whsec_` and the key in base64 (24 to 64 bytes). */
const secret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, "Must be whsec_ followed by 24 to 64 bytes in base64")
  .meta({
    description: "The signing secret in the Standard Webhooks form (`whsec_…`). Generated when left out.",
    examples: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
  });

const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe("Where deliveries are POSTed (http or https).");

const webhookFields = {
  url,
  description: z.string().trim().max(200).nullable(),
  segment_ids: z
    .array(z.uuid().toLowerCase())
    .max(1000)
    .describe("The segments whose changes are sent; empty: every segment."),
  events: z
    .array(z.enum(webhookEventTypes))
    .min(1)
    .max(webhookEventTypes.length)
    .transform((events) => [...new Set(events)])
    .describe("The kinds of change sent."),
  enabled: z.boolean().describe("A disabled webhook receives nothing new (pending deliveries still go)."),
};

export const createWebhookSchema = z
  .object({
    url: webhookFields.url,
    description: webhookFields.description.default(null),
    segment_ids: webhookFields.segment_ids.default([]),
    events: webhookFields.events.default([...webhookEventTypes]),
    enabled: webhookFields.enabled.default(true),
    secret: secret.optional(),
  })
  .strict()
  .meta({ id: "WebhookCreate" });

export const updateWebhookSchema = z
  .object({
    url: webhookFields.url.optional(),
    description: webhookFields.description.optional(),
    segment_ids: webhookFields.segment_ids.optional(),
    events: webhookFields.events.optional(),
    enabled: webhookFields.enabled.optional(),
    secret: secret.optional().describe("A new signing secret; receivers must switch to it."),
  })
  .strict()
  .meta({ id: "WebhookUpdate" });

export const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    segment_ids: z.array(z.uuid()),
    events: z.array(z.enum(webhookEventTypes)),
    enabled: z.boolean(),
    secret_hint: z.string().describe("The secret's last four characters, to tell secrets apart."),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Webhook" });

export const webhookWithSecretSchema = webhookSchema
  .extend({
    secret: z.string().describe("The signing secret: shown on creation (and when changed) only."),
  })
  .meta({ id: "WebhookWithSecret" });

export const webhookListSchema = z
  .object({ items: z.array(webhookSchema), total: z.number().int() })
  .meta({ id: "WebhookList" });

export const listWebhooksQuery = z
  .object({
    segment_id: z.uuid().optional().describe("Only the webhooks that receive this segment's changes."),
  })
  .strict();

export const deliverySchema = z
  .object({
    id: z.uuid().describe("Also the `webhook-id` header, the same on every attempt."),
    webhook_id: z.uuid(),
    segment_id: z.uuid().nullable(),
    event_type: z.string(),
    payload: z.record(z.string(), z.unknown()),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    next_attempt_at: timestamp.nullable().describe("When pending: the next attempt."),
    last_error: z.string().nullable(),
    last_status_code: z.number().int().nullable(),
    last_latency_ms: z.number().int().nullable(),
    last_attempt_at: timestamp.nullable(),
    delivered_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "WebhookDelivery" });

export const listDeliveriesQuery = z
  .object({
    status: z.enum(deliveryStatuses).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const deliveryPageSchema = z
  .object({
    items: z.array(deliverySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "WebhookDeliveryPage" });

export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;
export type WebhookEventType = (typeof webhookEventTypes)[number];
