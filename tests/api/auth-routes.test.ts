// Required mode, walked over the OpenAPI document so that no route can be forgotten: every documented
// operation refuses a caller without credentials, and each scope opens exactly the operations that name it.
import { describe, expect, test, vi } from "vitest";
import { grants, type Scope, scopes } from "@/lib/auth/scopes";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { api } from "@/tests/support/api";
import { bearer, keyWith, requireAuthInThisFile } from "@/tests/support/auth";

// Password hashing (scrypt) and hundreds of requests: slow on a busy machine, however correct.
vi.setConfig({ testTimeout: 120_000 });
requireAuthInThisFile({ API_RATE_LIMIT_PER_MINUTE: "100000" });

interface DocumentedOperation {
  method: string;
  path: string;
  security: unknown[];
  scope: string | undefined;
}

function documentedOperations(): DocumentedOperation[] {
  const document = buildOpenApiDocument();
  const found: DocumentedOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods as Record<string, Record<string, unknown>>)) {
      found.push({
        method: method.toUpperCase(),
        // Any UUID: authorization is decided before the handler looks the id up.
        path: path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000"),
        security: operation.security as unknown[],
        scope: operation["x-required-scope"] as string | undefined,
      });
    }
  }
  return found;
}

const operations = documentedOperations();
const body = (method: string) => (method === "GET" || method === "DELETE" ? undefined : {});

describe("required mode, walking the OpenAPI document", () => {
  test("every operation but the health check answers 401 problem+json with WWW-Authenticate without credentials", async () => {
    expect(operations.length).toBeGreaterThan(60);
    const open: string[] = [];
    for (const op of operations) {
      const res = await api(op.method, op.path, body(op.method));
      if (op.security.length === 0) {
        open.push(`${op.method} ${op.path}`);
        continue;
      }
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
      expect(res.headers.get("www-authenticate"), `${op.method} ${op.path}`).toMatch(/^Bearer/);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe("unauthorized");
    }
    expect(open).toEqual(["GET /api/v1/segments/health"]);
  }, 120_000);

  test("an unknown key, a malformed key and a non-Bearer header are 401", async () => {
    for (const authorization of [
      "Bearer as_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "Bearer not-a-key",
      "Basic dXNlcjpwYXNz",
    ]) {
      const res = await api("GET", "/api/v1/segments", undefined, { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  test("every non-public operation names one scope, and each scope opens exactly the operations naming it", async () => {
    const keys = new Map<Scope, string>();
    for (const scope of scopes) keys.set(scope, (await keyWith([scope])).key);
    for (const op of operations) {
      if (op.security.length === 0) continue;
      if (op.path === "/api/v1/me") {
        expect(op.scope).toBeUndefined();
        continue;
      }
      expect(scopes, `${op.method} ${op.path}`).toContain(op.scope);
      const needed = op.scope as Scope;
      const answers = await Promise.all(
        scopes.map((held) =>
          api(op.method, op.path, body(op.method), { headers: bearer(keys.get(held) as string) }),
        ),
      );
      scopes.forEach((held, i) => {
        const res = answers[i];
        const label = `${op.method} ${op.path} with a ${held} key`;
        if (grants([held], needed)) {
          expect([401, 403], label).not.toContain(res.status);
        } else {
          expect(res.status, label).toBe(403);
          expect(res.body.detail, label).toContain(needed);
        }
      });
    }
    // About 700 requests: seconds on an idle machine, more on a busy one.
  }, 240_000);

  test("a key for decide and events:write, as a website embeds it, can do nothing else", async () => {
    const { key } = await keyWith(["decide", "events:write"]);
    const allowed = operations
      .filter((op) => op.scope && grants(["decide", "events:write"], op.scope as Scope))
      .map((op) => `${op.method} ${op.path}`);
    expect(allowed.sort()).toEqual(
      ["POST /api/v1/decide", "POST /api/v1/events", "POST /api/v1/segments/personalized/events"].sort(),
    );
    expect((await api("GET", "/api/v1/users", undefined, { headers: bearer(key) })).status).toBe(403);
    expect((await api("POST", "/api/v1/decide", { user_ids: [] }, { headers: bearer(key) })).status).not.toBe(
      403,
    );
  });

  test("the health check shows the database driver and version only to an authenticated caller", async () => {
    const anonymous = await api("GET", "/api/v1/segments/health");
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.database.status).toBe("up");
    expect(anonymous.body.database).not.toHaveProperty("driver");
    expect(anonymous.body.database).not.toHaveProperty("server_version");
    const { key } = await keyWith(["segments:read"]);
    const known = await api("GET", "/api/v1/segments/health", undefined, { headers: bearer(key) });
    expect(known.body.database.driver).toMatch(/pglite|postgres/);
    expect(known.body.database.server_version).toEqual(expect.any(String));
  });

  test("the OpenAPI document is served without credentials", async () => {
    const res = await api("GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
  });
});
