// Local mode (the default on a loopback HOST): no credentials, everyone on this machine acts as an admin,
// and the audit log's actor is "local".
import { expect, test } from "vitest";
import { currentActor } from "@/lib/audit/actor-context";
import { api } from "@/tests/support/api";

test("local mode needs no credentials and says so in /me", async () => {
  expect(process.env.AUTH_MODE).toBeUndefined();
  const me = await api("GET", "/api/v1/me");
  expect(me.status).toBe(200);
  expect(me.body).toEqual({
    mode: "local",
    actor: { type: "local", id: null, label: null },
    role: "admin",
    scopes: expect.arrayContaining(["admin", "segments:write"]),
  });
  const key = await api("POST", "/api/v1/api-keys", { name: "From this machine", scopes: ["segments:read"] });
  expect(key.status).toBe(201);
  expect(currentActor()).toEqual({ type: "local" });
});
