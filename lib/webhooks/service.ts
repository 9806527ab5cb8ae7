import "server-only";
import { randomBytes } from "node:crypto";
import { transaction } from "@/db/client";
import type { Webhook } from "@/db/schema";
import { ApiError, notFound } from "@/lib/api/errors";
import { refusedUrlReason } from "./address-policy";
import * as queries from "./queries";
import type { CreateWebhookInput, ListDeliveriesQuery, UpdateWebhookInput } from "./schemas";

/** A new Standard Webhooks secret: 32 random bytes. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

function publicWebhook(row: Webhook) {
  const { secret, ...rest } = row;
  return { ...rest, secret_hint: secret.slice(-4) };
}

async function checkUrl(url: string): Promise<void> {
  const reason = await refusedUrlReason(url);
  if (reason) {
    throw new ApiError("validation_failed", `Invalid body: url. ${reason}.`, [
      { field: "url", location: "body", message: reason },
    ]);
  }
}

async function checkSegments(ids: string[]): Promise<void> {
  const missing = await queries.findMissingSegments(ids);
  if (missing.length > 0) {
    throw new ApiError(
      "reference_not_found",
      `Segment ${missing[0]} does not exist.`,
      missing.map((id) => ({
        field: `segment_ids.${ids.indexOf(id)}`,
        location: "body" as const,
        message: `Segment ${id} does not exist`,
      })),
    );
  }
}

export async function createWebhook(input: CreateWebhookInput) {
  await checkUrl(input.url);
  await checkSegments(input.segment_ids);
  const row = await queries.insertWebhook({ ...input, secret: input.secret ?? generateSecret() });
  return { ...publicWebhook(row), secret: row.secret };
}

export async function listWebhooks(segmentId?: string) {
  const rows = await queries.listWebhooks(segmentId);
  return { items: rows.map(publicWebhook), total: rows.length };
}

async function requireWebhook(id: string): Promise<Webhook> {
  const row = await queries.findWebhook(id);
  if (!row) throw notFound("Webhook", id);
  return row;
}

export async function getWebhook(id: string) {
  return publicWebhook(await requireWebhook(id));
}

/** Answers the secret only when the patch changed it: it is shown when set, never again. */
export async function updateWebhook(id: string, patch: UpdateWebhookInput) {
  await requireWebhook(id);
  if (patch.url) await checkUrl(patch.url);
  if (patch.segment_ids) await checkSegments(patch.segment_ids);
  const row = await queries.updateWebhookRow(id, patch);
  if (!row) throw notFound("Webhook", id);
  return patch.secret ? { ...publicWebhook(row), secret: row.secret } : publicWebhook(row);
}

export async function deleteWebhook(id: string): Promise<void> {
  if (!(await queries.deleteWebhookRow(id))) throw notFound("Webhook", id);
}

export async function listDeliveries(webhookId: string, query: ListDeliveriesQuery) {
  await requireWebhook(webhookId);
  const page = await queries.listDeliveries(webhookId, query);
  return {
    ...page,
    items: page.items.map((row) => ({
      ...row,
      next_attempt_at: row.status === "pending" ? row.next_attempt_at : null,
    })),
  };
}

/** Queues a `webhook.test` message; the dispatcher sends it like any other, signed. */
export async function sendTestDelivery(webhookId: string) {
  await requireWebhook(webhookId);
  const row = await queries.insertTestDelivery(webhookId);
  return { ...row, next_attempt_at: row.next_attempt_at };
}

/** Sends a failed (or still pending) delivery again now, with the same `webhook-id`. */
export async function retryDelivery(webhookId: string, deliveryId: string) {
  return transaction(async (tx) => {
    const current = await queries.findDelivery(webhookId, deliveryId, tx);
    if (!current) throw notFound("Delivery", deliveryId);
    if (current.status === "delivered") {
      throw new ApiError("conflict", `Delivery ${deliveryId} was delivered already.`);
    }
    const row = await queries.requeueDelivery(webhookId, deliveryId, tx);
    if (!row) throw notFound("Delivery", deliveryId);
    return row;
  });
}
