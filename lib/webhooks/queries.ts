import "server-only";
import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { type Page, queryRows, readPage } from "@/db/rows";
import { type Webhook, type WebhookDelivery, webhookDeliveries, webhooks } from "@/db/schema";
import type { ListDeliveriesQuery } from "./schemas";

export async function insertWebhook(
  values: Omit<typeof webhooks.$inferInsert, "id" | "created_at" | "updated_at">,
  db?: Database,
): Promise<Webhook> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.insert(webhooks).values(values).returning();
  return row;
}

export async function findWebhook(id: string, db?: Database): Promise<Webhook | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.select().from(webhooks).where(eq(webhooks.id, id)).limit(1);
  return row;
}

/** All webhooks, oldest first; with a segment: those that receive its changes (its own and the catch-alls). */
export async function listWebhooks(segmentId?: string, db?: Database): Promise<Webhook[]> {
  const executor = await dbOrDefault(db);
  const where = segmentId
    ? sql`cardinality(${webhooks.segment_ids}) = 0 or ${segmentId}::uuid = any(${webhooks.segment_ids})`
    : undefined;
  return executor.select().from(webhooks).where(where).orderBy(webhooks.created_at, webhooks.id);
}

export async function updateWebhookRow(
  id: string,
  patch: Partial<typeof webhooks.$inferInsert>,
  db?: Database,
): Promise<Webhook | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .update(webhooks)
    .set({ ...patch, updated_at: new Date() })
    .where(eq(webhooks.id, id))
    .returning();
  return row;
}

export async function deleteWebhookRow(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
  return rows.length > 0;
}

/** The segment ids among `ids` that do not exist. */
export async function findMissingSegments(ids: string[], db?: Database): Promise<string[]> {
  if (ids.length === 0) return [];
  const executor = await dbOrDefault(db);
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`select value as id from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)
      where not exists (select 1 from audience_segments s where s.id = value::uuid)`,
  );
  return rows.map((row) => row.id);
}

export async function listDeliveries(
  webhookId: string,
  query: ListDeliveriesQuery,
  db?: Database,
): Promise<Page<WebhookDelivery>> {
  const executor = await dbOrDefault(db);
  const conditions: SQL[] = [eq(webhookDeliveries.webhook_id, webhookId)];
  if (query.status) conditions.push(eq(webhookDeliveries.status, query.status));
  const where = and(...conditions);
  return readPage(
    query,
    executor
      .select()
      .from(webhookDeliveries)
      .where(where)
      .orderBy(desc(webhookDeliveries.created_at), desc(webhookDeliveries.position))
      .limit(query.limit)
      .offset(query.offset),
    executor.select({ total: count() }).from(webhookDeliveries).where(where),
  );
}

export async function findDelivery(
  webhookId: string,
  deliveryId: string,
  db?: Database,
): Promise<WebhookDelivery | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhook_id, webhookId), eq(webhookDeliveries.id, deliveryId)))
    .limit(1);
  return row;
}

export async function insertTestDelivery(webhookId: string, db?: Database): Promise<WebhookDelivery> {
  const executor = await dbOrDefault(db);
  const now = new Date();
  const [row] = await executor
    .insert(webhookDeliveries)
    .values({
      webhook_id: webhookId,
      segment_id: null,
      event_type: "webhook.test",
      payload: {
        type: "webhook.test",
        timestamp: now.toISOString(),
        data: { webhook_id: webhookId, message: "A test delivery from Audience Segments." },
      },
    })
    .returning();
  return row;
}

/** Sends a delivery again from now: pending, due at once, with a fresh retry window. */
export async function requeueDelivery(
  webhookId: string,
  deliveryId: string,
  db?: Database,
): Promise<WebhookDelivery | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .update(webhookDeliveries)
    .set({
      status: "pending",
      next_attempt_at: new Date(),
      retry_window_started_at: new Date(),
      lease_until: null,
    })
    .where(and(eq(webhookDeliveries.webhook_id, webhookId), eq(webhookDeliveries.id, deliveryId)))
    .returning();
  return row;
}
