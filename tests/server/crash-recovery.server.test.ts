import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  api,
  controlFileState,
  DB_IN_PRODUCTION,
  DB_SHUTDOWNED,
  type RunningServer,
  startServer,
  waitUntilHealthy,
} from "./production-server";

const PORT = 3240;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-crash-"));
let server: RunningServer | undefined;

afterAll(async () => {
  if (server && server.process.exitCode === null) {
    server.process.kill("SIGKILL");
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

type Page = { items: { id: string; member_count: number }[]; total: number };

/** member_count of every segment equals its rows; answers the number of segments checked. */
async function expectCountsExact(s: RunningServer): Promise<number> {
  const segments = await api<Page>(s, "GET", "/api/v1/segments?limit=100");
  for (const segment of segments.body.items) {
    const members = await api<Page>(s, "GET", `/api/v1/segments/${segment.id}/members?limit=1`);
    expect(members.body.total, `segment ${segment.id}`).toBe(segment.member_count);
  }
  return segments.body.items.length;
}

describe("SIGKILL in the middle of a bulk import", () => {
  it("reopens consistent, with every acknowledged write and the bulk import all or nothing", async () => {
    server = startServer({ port: PORT, dataDir });
    await waitUntilHealthy(server);
    const segment = await api<{ id: string }>(server, "POST", "/api/v1/segments", {
      segment_name: "Crash test",
      criteria: { age_range: [18, 99] },
    });
    expect(segment.status).toBe(201);

    // Acknowledged writes, one after the other, until the process dies: a user, then its membership.
    const acknowledged: { userId: string; member: boolean }[] = [];
    let alive = true;
    const writer = (async () => {
      for (let i = 0; alive; i++) {
        try {
          const user = await api<{ id: string }>(server!, "POST", "/api/v1/users", {
            email: `ack-${i}@example.test`,
            age: 30,
          });
          if (user.status !== 201) continue;
          const entry = { userId: user.body.id, member: false };
          acknowledged.push(entry);
          const added = await api(
            server!,
            "POST",
            `/api/v1/segments/${segment.body.id}/members/${user.body.id}`,
          );
          if (added.status === 201 || added.status === 200) entry.member = true;
        } catch {
          return;
        }
      }
    })();

    // Some acknowledged writes first, then the bulk import: 10,000 users in one transaction, killed while
    // it runs (and while the writer keeps writing).
    while (acknowledged.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    const bulkUsers = Array.from({ length: 10_000 }, (_, i) => ({
      email: `bulk-${i}@example.test`,
      age: 40,
    }));
    const bulk = api(server, "POST", "/api/v1/users/bulk", { users: bulkUsers }).then(
      (res) => res.status,
      () => "aborted" as const,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    server.process.kill("SIGKILL");
    alive = false;
    await server.exited;
    await writer;
    const bulkOutcome = await bulk;
    expect(acknowledged.length).toBeGreaterThan(0);
    // Killed, not closed: the cluster was left "in production", the next start must recover it.
    expect(controlFileState(dataDir)).toBe(DB_IN_PRODUCTION);

    // Restart on the same folder: the dead process's lock is taken over, crash recovery runs.
    server = startServer({ port: PORT, dataDir });
    await waitUntilHealthy(server);
    expect(server.output()).toMatch(/Taking over the lock/);
    const exported = await fetch(`${server.url}/api/v1/segments/${segment.body.id}/members/export`);
    const memberIds = new Set(
      (await exported.text())
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",")[0]),
    );
    for (const { userId, member } of acknowledged) {
      expect((await api(server, "GET", `/api/v1/users/${userId}`)).status, userId).toBe(200);
      if (member) expect(memberIds.has(userId), `member ${userId}`).toBe(true);
    }
    const bulkRows = await api<{ total: number }>(server, "GET", "/api/v1/users?search=bulk-&limit=1");
    // One transaction: all 10,000 or none, and all if it was acknowledged.
    expect([0, 10_000]).toContain(bulkRows.body.total);
    if (bulkOutcome === 201 || bulkOutcome === 200) expect(bulkRows.body.total).toBe(10_000);
    expect(await expectCountsExact(server)).toBeGreaterThan(0);

    // A clean stop afterwards leaves the cluster shut down.
    server.process.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    expect(controlFileState(dataDir)).toBe(DB_SHUTDOWNED);
  });
});
