import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";

export interface ClaimedDelivery {
  id: string;
  payload: Record<string, unknown>;
  /** Attempts made before this one. */
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Leases the next deliveries that are due: for each webhook and segment only the oldest pending one (by
 * commit number, then position), so a segment's messages go out one after the other, in order, and a
 * failing one holds back those behind it. A test message has no segment and waits for nothing. The
 * caller holds the dispatcher's advisory lock; the lease keeps another process off these rows until it
 * ends, and after a crash lets the next pass send them again with the same id.
 */
export async function claimDueDeliveries(
  limit: number,
  leaseSeconds: number,
  tx: Database,
): Promise<ClaimedDelivery[]> {
  return queryRows<ClaimedDelivery>(
    tx,
    sql`with heads as (
          select distinct on (d.webhook_id, coalesce(d.segment_id, d.id)) d.id, d.next_attempt_at, d.lease_until
          from webhook_deliveries d
          where d.status = 'pending'
          order by d.webhook_id, coalesce(d.segment_id, d.id), d.seq nulls first, d.position, d.created_at, d.id
        ),
        due as (
          select id from heads
          where next_attempt_at <= now() and (lease_until is null or lease_until < now())
          order by next_attempt_at
          limit ${limit}
        )
        update webhook_deliveries d
        set lease_until = now() + make_interval(secs => ${leaseSeconds})
        from due, webhooks w
        where d.id = due.id and w.id = d.webhook_id
        returning d.id::text as id, d.payload, d.attempts, w.url, w.secret`,
  );
}

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/**
 * Writes an attempt's outcome. A failure is retried after `retryDelayMs`, unless the delivery has been
 * failing for longer than `retryWindowHours`: then it is marked failed and the next message of its
 * segment may go.
 */
export async function recordAttempt(
  deliveryId: string,
  result: AttemptResult,
  retryDelayMs: number,
  retryWindowHours: number,
  db: Database,
): Promise<void> {
  if (result.ok) {
    await db.execute(
      sql`update webhook_deliveries
        set status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_attempt_at = now(),
          last_status_code = ${result.statusCode}, last_latency_ms = ${result.latencyMs}, last_error = null,
          lease_until = null
        where id = ${deliveryId}::uuid and status = 'pending'`,
    );
    return;
  }
  await db.execute(
    sql`update webhook_deliveries
      set attempts = attempts + 1, last_attempt_at = now(), last_status_code = ${result.statusCode},
        last_latency_ms = ${result.latencyMs}, last_error = ${result.error}, lease_until = null,
        next_attempt_at = now() + make_interval(secs => ${retryDelayMs / 1000}),
        status = case when now() - retry_window_started_at >= make_interval(secs => ${retryWindowHours * 3600})
          then 'failed' else 'pending' end
      where id = ${deliveryId}::uuid and status = 'pending'`,
  );
}
