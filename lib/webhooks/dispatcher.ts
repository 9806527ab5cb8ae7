import "server-only";
import { Webhook } from "standardwebhooks";
import { type Database, getDb, transaction } from "@/db/client";
import { readEnv } from "@/lib/env";
import { tryJobLock } from "@/lib/scheduler/queries";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { refusedUrlReason } from "./address-policy";
import { retryDelayMs } from "./backoff";
import {
  type AttemptResult,
  type ClaimedDelivery,
  claimDueDeliveries,
  recordAttempt,
} from "./dispatch-queries";

const JOB_NAME = "webhooks";
/** Deliveries leased per round: one per webhook and segment, sent concurrently. */
const BATCH_SIZE = 50;
/** A pass keeps claiming while there is work, for at most this long, so a backlog drains quickly. */
const PASS_BUDGET_MS = 10_000;

/** Posts one delivery, signed by the Standard Webhooks scheme; never throws. */
export async function sendDelivery(delivery: ClaimedDelivery, timeoutMs: number): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = await refusedUrlReason(delivery.url).catch(() => "The URL could not be checked");
  if (refused) return { ok: false, statusCode: null, latencyMs: elapsed(), error: refused };
  const body = JSON.stringify(delivery.payload);
  const sentAt = new Date();
  try {
    const signature = new Webhook(delivery.secret).sign(delivery.id, sentAt, body);
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "AudienceSegments-Webhooks/1",
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not used; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      statusCode: response.status,
      latencyMs: elapsed(),
      error: ok ? null : `The receiver answered HTTP ${response.status}`,
    };
  } catch (error) {
    const reason = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const message =
      reason.name === "TimeoutError"
        ? `No answer within ${timeoutMs} ms`
        : (reason.cause?.code ?? reason.cause?.message ?? reason.message ?? "The request failed");
    return { ok: false, statusCode: null, latencyMs: elapsed(), error: String(message).slice(0, 500) };
  }
}

async function deliverAll(claimed: ClaimedDelivery[], db: Database): Promise<void> {
  const env = readEnv();
  await Promise.all(
    claimed.map(async (delivery) => {
      const result = await sendDelivery(delivery, env.WEBHOOK_TIMEOUT_MS);
      await recordAttempt(
        delivery.id,
        result,
        retryDelayMs(delivery.attempts + 1),
        env.WEBHOOK_RETRY_HOURS,
        db,
      );
    }),
  );
}

/** Long enough for an attempt to time out and be recorded; short enough that a crash delays little. */
function leaseSeconds(): number {
  return Math.ceil((2 * readEnv().WEBHOOK_TIMEOUT_MS) / 1000) + 5;
}

/** Claims the next round under the dispatcher's lock, in a transaction of its own. */
async function claimRound(): Promise<ClaimedDelivery[]> {
  return transaction(async (tx) => {
    if (!(await tryJobLock(tx, JOB_NAME))) return [];
    return claimDueDeliveries(BATCH_SIZE, leaseSeconds(), tx);
  });
}

/**
 * Sends what is due, round after round, until nothing is due or the budget is spent. The HTTP requests run
 * outside any transaction: a slow receiver holds no database connection (PGlite has only one).
 */
export async function dispatchRounds(first: ClaimedDelivery[], budgetMs = PASS_BUDGET_MS): Promise<number> {
  const db = await getDb();
  const deadline = Date.now() + budgetMs;
  let claimed = first;
  let sent = 0;
  while (claimed.length > 0) {
    await deliverAll(claimed, db);
    sent += claimed.length;
    if (Date.now() >= deadline) break;
    claimed = await claimRound();
  }
  return sent;
}

/** One pass, as the scheduler runs it; tests call it directly. Answers how many attempts were made. */
export async function runDispatcherPass(budgetMs = PASS_BUDGET_MS): Promise<number> {
  return dispatchRounds(await claimRound(), budgetMs);
}

/** The scheduled job: claims in the scheduler's transaction, sends after its commit. */
export function webhookDispatcherJob(): ScheduledJob {
  return {
    name: JOB_NAME,
    intervalSeconds: readEnv().WEBHOOK_DISPATCH_INTERVAL_MS / 1000,
    run: async (tx) => {
      const claimed = await claimDueDeliveries(BATCH_SIZE, leaseSeconds(), tx);
      if (claimed.length === 0) return;
      return async () => {
        await dispatchRounds(claimed);
      };
    },
  };
}
