import "server-only";
import { Server } from "node:http";
import { closeDbForShutdown } from "@/db/client";
import { readEnv } from "@/lib/env";
import { stopBackgroundJobs } from "@/lib/jobs/runner";
import { beginShutdown, requestsInFlight, waitForIdle } from "./in-flight";

/**
 * The HTTP servers of this process. Next.js does not hand its server to the application, so it is found
 * among the process's open handles; without it the shutdown still works (withApi refuses new requests).
 */
function listeningServers(): Server[] {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((handle): handle is Server => handle instanceof Server && handle.listening);
}

/**
 * Stops the server in order: refuse new connections and requests, let requests in flight finish (at most
 * SHUTDOWN_DRAIN_MS), stop background jobs at their next batch, then close the database (PGlite writes a
 * shutdown checkpoint, so the next start needs no crash recovery) and exit.
 */
export async function shutDown(signal: string, stopScheduler: () => void): Promise<void> {
  const drainMs = readEnv().SHUTDOWN_DRAIN_MS;
  const started = Date.now();
  console.log(`${signal}: shutting down (${requestsInFlight()} requests in flight).`);
  beginShutdown();
  stopScheduler();
  const deadline = started + drainMs;
  const servers = listeningServers();
  const closed = Promise.all(
    servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  const drained = await waitForIdle(drainMs);
  if (!drained)
    console.warn(`${requestsInFlight()} requests still in flight after ${drainMs} ms; closing anyway.`);
  // A handler has returned, but its response may still be on its way to the client: wait until every
  // connection has ended, closing each as it falls idle (close() alone leaves kept-alive ones open).
  let allClosed = false;
  void closed.then(() => {
    allClosed = true;
  });
  while (!allClosed && Date.now() < deadline) {
    for (const server of servers) server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!allClosed) for (const server of servers) server.closeAllConnections();
  const jobsStopped = await stopBackgroundJobs(Math.max(1_000, deadline - Date.now()));
  if (!jobsStopped) console.warn("A background job did not reach a safe point in time; closing anyway.");
  await closeDbForShutdown();
  console.log(`Database closed; exiting after ${Date.now() - started} ms.`);
}

const globalForShutdown = globalThis as unknown as { audienceSegmentsShutdownInstalled?: boolean };

/**
 * Handles SIGTERM and SIGINT. Next.js exits on them by itself unless NEXT_MANUAL_SIG_HANDLE is set, before
 * anything can close the database; `npm start` sets it.
 */
export function installShutdownHandlers(stopScheduler: () => void): void {
  if (globalForShutdown.audienceSegmentsShutdownInstalled) return;
  globalForShutdown.audienceSegmentsShutdownInstalled = true;
  if (!process.env.NEXT_MANUAL_SIG_HANDLE && process.env.NODE_ENV === "production") {
    console.warn(
      "NEXT_MANUAL_SIG_HANDLE is not set: Next.js exits on SIGTERM before the database is closed, and the " +
        "next start runs crash recovery. Start the server with `npm start`, or set NEXT_MANUAL_SIG_HANDLE=true.",
    );
  }
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // Duplicates are normal (Ctrl+C reaches both `npm start` and this process, which forwards it too); the
    // shutdown is bounded by SHUTDOWN_DRAIN_MS, so they are ignored rather than cutting it short.
    if (shuttingDown) return;
    shuttingDown = true;
    shutDown(signal, stopScheduler).then(
      () => process.exit(0),
      (error) => {
        console.error("The shutdown failed", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
