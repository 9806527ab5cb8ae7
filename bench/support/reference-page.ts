// The Lighthouse bench's floor: a bare Next.js page (bench/reference-page: one heading, one paragraph, the
// project's own Next.js and React), built and served next to the dashboard and measured in the same run. A
// page's score moves with the machine as much as with its code (Lighthouse's phone multiplies every main-thread
// task of this machine by four); this row says what the framework alone scores here, today.
import path from "node:path";
import { buildIfNeeded } from "../../scripts/build-if-needed.mjs";
import { type RunningServer, startServer, waitUntilHealthy } from "../../tests/server/production-server";

const appDir = path.resolve(import.meta.dirname, "..", "reference-page");

/**
 * Builds the reference page when its sources or the project's packages (its Next.js) are newer than its build,
 * serves it on `port` and waits for its answer.
 */
export async function startReferencePage(port: number): Promise<RunningServer> {
  buildIfNeeded({
    dir: appDir,
    distDir: ".next",
    sources: ["app", "instrumentation.js", "next.config.mjs", "../../package-lock.json"],
  });
  const server = startServer({ port, dir: appDir });
  try {
    await waitUntilHealthy(server, 60_000, "/");
  } catch (error) {
    server.process.kill("SIGTERM");
    throw error;
  }
  return server;
}
