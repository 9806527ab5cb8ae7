import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  api,
  controlFileState,
  DB_SHUTDOWNED,
  type RunningServer,
  startServer,
  waitUntilHealthy,
} from "./production-server";

const PORT = 3241;
const SECOND_PORT = 3242;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-stop-"));
const started: RunningServer[] = [];

afterAll(async () => {
  for (const s of started) {
    if (s.process.exitCode === null && s.process.signalCode === null) {
      s.process.kill("SIGKILL");
      await s.exited;
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("SIGTERM", () => {
  it("refuses a second server on the same folder, then drains, checkpoints and closes cleanly", async () => {
    const server = startServer({ port: PORT, dataDir });
    started.push(server);
    await waitUntilHealthy(server);

    const second = startServer({ port: SECOND_PORT, dataDir });
    started.push(second);
    const secondExit = await second.exited;
    expect(secondExit.code).toBe(1);
    expect(second.output()).toMatch(new RegExp(`in use by process ${server.pid}`));
    // The refused process left the first one's lock alone.
    expect((await api(server, "GET", "/api/v1/segments/health")).status).toBe(200);

    // A bulk import in flight when the signal arrives is finished and answered, not cut off.
    const bulkUsers = Array.from({ length: 5_000 }, (_, i) => ({
      email: `drain-${i}@example.test`,
      age: 33,
    }));
    const bulk = api(server, "POST", "/api/v1/users/bulk", { users: bulkUsers });
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.process.kill("SIGTERM");
    expect((await bulk).status).toBe(201);
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: shutting down/);
    expect(server.output()).toMatch(/Database closed/);
    // pg_control says "shut down": the next start needs no crash recovery. The lock is gone.
    expect(controlFileState(dataDir)).toBe(DB_SHUTDOWNED);
    expect(existsSync(path.join(dataDir, "audience-segments.lock"))).toBe(false);

    const again = startServer({ port: PORT, dataDir });
    started.push(again);
    await waitUntilHealthy(again);
    expect(again.output()).not.toMatch(/Taking over the lock/);
    const drained = await api<{ total: number }>(again, "GET", "/api/v1/users?search=drain-&limit=1");
    expect(drained.body.total).toBe(5_000);
    again.process.kill("SIGINT");
    expect((await again.exited).code).toBe(0);
    expect(controlFileState(dataDir)).toBe(DB_SHUTDOWNED);
  });
});
