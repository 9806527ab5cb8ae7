// Required mode for one test file, and the credentials its tests call with: keys with chosen scopes and
// signed-in team members. The mode is read from the environment at each request (lib/env.ts), so a file
// switches it in beforeAll and restores it afterwards.
import { afterAll, beforeAll } from "vitest";
import { createApiKey } from "@/lib/api-keys/service";
import { getAuth } from "@/lib/auth/better-auth";
import { resetRateLimits } from "@/lib/auth/rate-limit";
import type { Scope } from "@/lib/auth/scopes";
import { createTeamMember } from "@/lib/team/service";

export const TEST_AUTH_SECRET = "test-secret-that-is-at-least-32-characters-long";

export function requireAuthInThisFile(extra: Record<string, string> = {}): void {
  const saved: Record<string, string | undefined> = {};
  const values = { AUTH_MODE: "required", AUTH_SECRET: TEST_AUTH_SECRET, ...extra };
  beforeAll(() => {
    for (const [name, value] of Object.entries(values)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    resetRateLimits();
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

export async function keyWith(
  scopes: Scope[],
  expiresAt: string | null = null,
): Promise<{ id: string; key: string }> {
  const created = await createApiKey({ name: `test ${scopes.join(" ")}`, scopes, expires_at: expiresAt });
  return { id: created.id, key: created.key };
}

/** Better Auth's own endpoints (app/api/auth/[...all]), called like the browser does. */
export async function authRequest(path: string, body: unknown, headers: Record<string, string> = {}) {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  return POST(
    new Request(`http://localhost:3000/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** Signs in and returns the `cookie` header the browser would send afterwards. */
export async function signIn(email: string, password: string): Promise<Record<string, string>> {
  const res = await authRequest("sign-in/email", { email, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((value) => value.split(";")[0]);
  return { cookie: cookie.join("; ") };
}

let memberCount = 0;

/** A team member with this role, signed in: the cookie header to send. */
export async function memberSession(role: "admin" | "editor" | "viewer") {
  memberCount += 1;
  const email = `${role}-${memberCount}-${Date.now()}@example.com`;
  const password = `pass-${role}-${memberCount}-long-enough`;
  const member = await createTeamMember({ email, name: `A ${role}`, password, role });
  return { member, email, password, headers: await signIn(email, password) };
}

export { getAuth };
