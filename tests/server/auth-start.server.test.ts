// The production server refuses an unsafe configuration at start, and creates the first admin from
// ADMIN_EMAIL/ADMIN_PASSWORD once (a restart with the same variables changes nothing).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { api, type RunningServer, startServer, waitUntilHealthy } from "./production-server";

const PORT = 3246;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-auth-"));
const running: RunningServer[] = [];

afterAll(async () => {
  for (const server of running) {
    if (server.process.exitCode === null) {
      server.process.kill("SIGKILL");
      await server.exited;
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const server = startServer({ port: PORT, dataDir, env });
  running.push(server);
  return server;
}

async function stop(server: RunningServer) {
  server.process.kill("SIGTERM");
  await server.exited;
}

const required = {
  AUTH_MODE: "required",
  AUTH_SECRET: "server-test-secret-of-at-least-32-chars",
  ADMIN_EMAIL: "first@example.com",
  ADMIN_PASSWORD: "first-admin-password",
};

describe("starting the server", () => {
  it("refuses local mode on a network HOST, and required mode without a long enough secret", async () => {
    const open = start({ HOST: "0.0.0.0", AUTH_MODE: "local" });
    expect((await open.exited).code).toBe(1);
    expect(open.output()).toMatch(/Refusing to start: .*AUTH_MODE=local would let anyone/);

    const weak = start({ AUTH_MODE: "required", AUTH_SECRET: "short" });
    expect((await weak.exited).code).toBe(1);
    expect(weak.output()).toMatch(/AUTH_SECRET of at least 32 characters/);
  });

  it("in required mode creates the first admin once, who signs in; a restart creates nothing", async () => {
    const first = start(required);
    await waitUntilHealthy(first);
    expect(first.output()).toContain("Created the first administrator, first@example.com.");
    expect((await api(first, "GET", "/api/v1/segments")).status).toBe(401);
    const signIn = await fetch(`${first.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: required.ADMIN_EMAIL, password: required.ADMIN_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const me = await fetch(`${first.url}/api/v1/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ mode: "required", role: "admin" });
    await stop(first);

    const second = start({ ...required, ADMIN_EMAIL: "second@example.com" });
    await waitUntilHealthy(second);
    expect(second.output()).not.toContain("Created the first administrator");
    const refused = await fetch(`${second.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "second@example.com", password: required.ADMIN_PASSWORD }),
    });
    expect(refused.status).toBe(401);
    await stop(second);
  });
});
