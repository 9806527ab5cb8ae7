import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { api, type RunningServer, startServer, waitUntilHealthy } from "./production-server";

const PORT = 3248;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-webhooks-"));
const serverEnv = { WEBHOOK_DISPATCH_INTERVAL_MS: "200", WEBHOOK_TIMEOUT_MS: "1000" };
let server: RunningServer | undefined;
const held: ServerResponse[] = [];

// One receiver for both server lives: it holds the third request unanswered (the server is killed while
// that delivery is in flight), answers 204 to everything else and records each message by its webhook-id.
const received: { id: string; body: string; headers: Record<string, string> }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    received.push({ id: headers["webhook-id"], body: Buffer.concat(chunks).toString("utf8"), headers });
    if (received.length === 3) held.push(res);
    else res.writeHead(204).end();
  });
});

afterAll(async () => {
  if (server && server.process.exitCode === null) {
    server.process.kill("SIGKILL");
    await server.exited;
  }
  for (const res of held) res.destroy();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(check: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${server?.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("webhook outbox across a server crash", () => {
  it("delivers every change, in order, after a SIGKILL in the middle of a delivery", async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    server = startServer({ port: PORT, dataDir, env: serverEnv });
    await waitUntilHealthy(server);
    const segment = await api<{ id: string }>(server, "POST", "/api/v1/segments", {
      segment_name: "Flows out",
      criteria: {},
    });
    const hook = await api<{ id: string; secret: string }>(server, "POST", "/api/v1/webhooks", {
      url: receiverUrl,
      segment_ids: [segment.body.id],
      events: ["segment.member_joined", "segment.member_left"],
    });
    expect(hook.status).toBe(201);
    const userIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const user = await api<{ id: string }>(server, "POST", "/api/v1/users", {
        email: `flow-${i}@example.test`,
      });
      userIds.push(user.body.id);
      const added = await api(server, "POST", `/api/v1/segments/${segment.body.id}/members/${user.body.id}`);
      expect(added.status).toBe(201);
    }
    // The third delivery is in flight (held by the receiver): kill the server now.
    await waitFor(() => held.length === 1, 30_000, "the third delivery");
    server.process.kill("SIGKILL");
    await server.exited;
    const beforeRestart = received.length;
    expect(beforeRestart).toBeLessThan(12);

    server = startServer({ port: PORT, dataDir, env: serverEnv });
    await waitUntilHealthy(server);
    const distinct = () => new Set(received.map((r) => r.id)).size;
    await waitFor(() => distinct() === 12, 60_000, "all twelve deliveries");

    // Every join arrived, first arrivals in the order the members were added; the one in flight was sent
    // again with the same webhook-id; every message verifies.
    const firstArrivals: string[] = [];
    const seen = new Set<string>();
    for (const message of received) {
      expect(() => new Webhook(hook.body.secret).verify(message.body, message.headers)).not.toThrow();
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      const payload = JSON.parse(message.body) as { data: { members: { user_id: string }[] } };
      firstArrivals.push(...payload.data.members.map((m) => m.user_id));
    }
    expect(firstArrivals).toEqual(userIds);
    expect(received.filter((r) => r.id === received[2].id).length).toBeGreaterThanOrEqual(2);
    const log = await api<{ items: { status: string }[] }>(
      server,
      "GET",
      `/api/v1/webhooks/${hook.body.id}/deliveries?limit=50`,
    );
    expect(log.body.items).toHaveLength(12);
    expect(log.body.items.every((d) => d.status === "delivered")).toBe(true);
  }, 300_000);
});
