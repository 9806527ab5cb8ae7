// Required mode: API keys (created once, hashed, revoked and expired at the next request, rate limited),
// sessions and roles (viewer reads only), the team endpoints, and sign-in throttling.
import { sql } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { getDb } from "@/db/client";
import { api } from "@/tests/support/api";
import {
  authRequest,
  bearer,
  keyWith,
  memberSession,
  requireAuthInThisFile,
  signIn,
} from "@/tests/support/auth";

// Password hashing (scrypt) and hundreds of requests: slow on a busy machine, however correct.
vi.setConfig({ testTimeout: 120_000 });
requireAuthInThisFile({ SIGN_IN_MAX_FAILURES: "3" });

const newSegment = () => ({ segment_name: `Seg ${crypto.randomUUID().slice(0, 8)}`, criteria: {} });

describe("API keys", () => {
  test("an admin creates a key that is shown once; the list never shows it; the key works at once", async () => {
    const admin = await memberSession("admin");
    const res = await api(
      "POST",
      "/api/v1/api-keys",
      { name: "Website", scopes: ["decide", "events:write"] },
      { headers: admin.headers },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Website", scopes: ["decide", "events:write"], expires_at: null });
    expect(res.body.key).toMatch(/^as_/);
    expect(res.body.key.startsWith(res.body.prefix)).toBe(true);
    const list = await api("GET", "/api/v1/api-keys", undefined, { headers: admin.headers });
    const listed = list.body.items.find((item: { id: string }) => item.id === res.body.id);
    expect(listed).toMatchObject({ prefix: res.body.prefix, last_used_at: null });
    expect(JSON.stringify(list.body)).not.toContain(res.body.key);

    const used = await api("POST", "/api/v1/decide", { user_ids: [] }, { headers: bearer(res.body.key) });
    expect([401, 403]).not.toContain(used.status);
    const after = await api("GET", "/api/v1/api-keys", undefined, { headers: admin.headers });
    expect(
      after.body.items.find((item: { id: string }) => item.id === res.body.id).last_used_at,
    ).not.toBeNull();
  });

  test("a revoked key is refused on the next request", async () => {
    const admin = await keyWith(["admin"]);
    const { id, key } = await keyWith(["segments:read"]);
    expect((await api("GET", "/api/v1/segments", undefined, { headers: bearer(key) })).status).toBe(200);
    expect(
      (await api("DELETE", `/api/v1/api-keys/${id}`, undefined, { headers: bearer(admin.key) })).status,
    ).toBe(204);
    const refused = await api("GET", "/api/v1/segments", undefined, { headers: bearer(key) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    // Revoking again: it no longer exists for the API.
    expect(
      (await api("DELETE", `/api/v1/api-keys/${id}`, undefined, { headers: bearer(admin.key) })).status,
    ).toBe(404);
  });

  test("an expired key is refused on the next request; a past expires_at is a 422", async () => {
    const { key } = await keyWith(["segments:read"], new Date(Date.now() + 1500).toISOString());
    expect((await api("GET", "/api/v1/segments", undefined, { headers: bearer(key) })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await api("GET", "/api/v1/segments", undefined, { headers: bearer(key) })).status).toBe(401);

    const admin = await keyWith(["admin"]);
    const past = await api(
      "POST",
      "/api/v1/api-keys",
      { name: "late", scopes: ["decide"], expires_at: new Date(Date.now() - 1000).toISOString() },
      { headers: bearer(admin.key) },
    );
    expect(past.status).toBe(422);
    expect(past.body.errors[0].field).toBe("expires_at");
  });

  test("an unknown scope is a 422 naming the field", async () => {
    const admin = await keyWith(["admin"]);
    const res = await api(
      "POST",
      "/api/v1/api-keys",
      { name: "x", scopes: ["everything"] },
      { headers: bearer(admin.key) },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe("scopes.0");
  });

  test("no key and no password is stored in plain text", async () => {
    const admin = await memberSession("admin");
    const created = await api(
      "POST",
      "/api/v1/api-keys",
      { name: "Plain", scopes: ["admin"] },
      { headers: admin.headers },
    );
    const password = "a-password-to-look-for-123";
    const member = await api(
      "POST",
      "/api/v1/team-members",
      { email: "plain@example.com", name: "Plain", password, role: "editor" },
      { headers: admin.headers },
    );
    expect(member.status).toBe(201);
    await signIn("plain@example.com", password);
    const db = await getDb();
    const dump = [];
    for (const table of [
      "api_keys",
      "team_members",
      "auth_accounts",
      "auth_sessions",
      "auth_verifications",
    ]) {
      const result = await db.execute(sql.raw(`select row_to_json(t)::text as row from ${table} t`));
      const rows = ((result as { rows?: unknown[] }).rows ?? result) as Array<{ row: string }>;
      dump.push(...rows.map((r) => r.row));
    }
    const everything = dump.join("\n");
    // The handler ran as the signed-in admin (runWithActor): the key names its creator.
    const creator = await db.execute(
      sql`select created_by from api_keys where id = ${created.body.id}::uuid`,
    );
    const creatorRows = ((creator as { rows?: unknown[] }).rows ?? creator) as Array<{ created_by: string }>;
    expect(creatorRows[0].created_by).toBe(admin.member.id);
    expect(everything).toContain("plain@example.com");
    expect(everything).not.toContain(created.body.key);
    expect(everything).not.toContain(created.body.key.slice(10));
    expect(everything).not.toContain(password);
  });

  test("a key's requests beyond API_RATE_LIMIT_PER_MINUTE are answered 429 with Retry-After", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    try {
      const { key } = await keyWith(["segments:read"]);
      const other = await keyWith(["segments:read"]);
      for (let i = 0; i < 3; i++) {
        expect((await api("GET", "/api/v1/segments", undefined, { headers: bearer(key) })).status).toBe(200);
      }
      const limited = await api("GET", "/api/v1/segments", undefined, { headers: bearer(key) });
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe("rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      // The limit is per key.
      expect((await api("GET", "/api/v1/segments", undefined, { headers: bearer(other.key) })).status).toBe(
        200,
      );
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });
});

describe("sessions and roles", () => {
  test("a viewer reads but gets 403 naming the scope on writes; an editor writes segments but not keys", async () => {
    const viewer = await memberSession("viewer");
    expect((await api("GET", "/api/v1/segments", undefined, { headers: viewer.headers })).status).toBe(200);
    const write = await api("POST", "/api/v1/segments", newSegment(), { headers: viewer.headers });
    expect(write.status).toBe(403);
    expect(write.body.detail).toContain("segments:write");
    for (const [method, path] of [
      ["POST", "/api/v1/users"],
      ["POST", "/api/v1/content"],
      ["POST", "/api/v1/api-keys"],
      ["GET", "/api/v1/team-members"],
    ]) {
      const payload = method === "GET" ? undefined : {};
      expect(
        (await api(method, path, payload, { headers: viewer.headers })).status,
        `${method} ${path}`,
      ).toBe(403);
    }
    const me = await api("GET", "/api/v1/me", undefined, { headers: viewer.headers });
    expect(me.body).toMatchObject({
      mode: "required",
      role: "viewer",
      actor: { type: "user", label: viewer.email },
    });
    expect(me.body.scopes).toEqual(["segments:read", "users:read"]);

    const editor = await memberSession("editor");
    expect((await api("POST", "/api/v1/segments", newSegment(), { headers: editor.headers })).status).toBe(
      201,
    );
    expect((await api("GET", "/api/v1/api-keys", undefined, { headers: editor.headers })).status).toBe(403);
  });

  test("a role change applies to the member's next request; sign-out ends the session", async () => {
    const admin = await memberSession("admin");
    const editor = await memberSession("editor");
    expect((await api("POST", "/api/v1/segments", newSegment(), { headers: editor.headers })).status).toBe(
      201,
    );
    const changed = await api(
      "PATCH",
      `/api/v1/team-members/${editor.member.id}`,
      { role: "viewer" },
      { headers: admin.headers },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe("viewer");
    expect((await api("POST", "/api/v1/segments", newSegment(), { headers: editor.headers })).status).toBe(
      403,
    );

    const out = await authRequest("sign-out", {}, editor.headers);
    expect(out.status).toBe(200);
    expect((await api("GET", "/api/v1/segments", undefined, { headers: editor.headers })).status).toBe(401);
  });

  test("team members: create (409 on a taken email), list, and the last admin can be neither demoted nor removed", async () => {
    const admin = await memberSession("admin");
    const headers = admin.headers;
    const list = await api("GET", "/api/v1/team-members", undefined, { headers });
    expect(list.body.items.map((m: { email: string }) => m.email)).toContain(admin.email);
    expect(JSON.stringify(list.body)).not.toContain("password");
    const again = await api(
      "POST",
      "/api/v1/team-members",
      { email: admin.email.toUpperCase(), name: "Twice", password: "another-password", role: "viewer" },
      { headers },
    );
    expect(again.status).toBe(409);
    const bad = await api(
      "POST",
      "/api/v1/team-members",
      { email: "x@example.com", name: "X", password: "short", role: "owner" },
      { headers },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["password", "role"]);

    // Demote every other admin first, so that this one is the last.
    for (const member of list.body.items as Array<{ id: string; role: string }>) {
      if (member.role === "admin" && member.id !== admin.member.id) {
        expect(
          (await api("PATCH", `/api/v1/team-members/${member.id}`, { role: "editor" }, { headers })).status,
        ).toBe(200);
      }
    }
    const demote = await api(
      "PATCH",
      `/api/v1/team-members/${admin.member.id}`,
      { role: "viewer" },
      { headers },
    );
    expect(demote.status).toBe(409);
    expect(
      (await api("DELETE", `/api/v1/team-members/${admin.member.id}`, undefined, { headers })).status,
    ).toBe(409);

    const viewer = await memberSession("viewer");
    expect(
      (await api("DELETE", `/api/v1/team-members/${viewer.member.id}`, undefined, { headers })).status,
    ).toBe(204);
    expect((await api("GET", "/api/v1/segments", undefined, { headers: viewer.headers })).status).toBe(401);
  });
});

describe("sign-in throttling (SIGN_IN_MAX_FAILURES=3 here, 10 by default)", () => {
  test("after the failures allowed, an account is refused with 429 and Retry-After, even with the right password", async () => {
    const member = await memberSession("viewer");
    const address = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < 3; i++) {
      expect(
        (await authRequest("sign-in/email", { email: member.email, password: "wrong-password" }, address))
          .status,
      ).toBe(401);
    }
    const refused = await authRequest(
      "sign-in/email",
      { email: member.email, password: member.password },
      {
        "x-forwarded-for": "198.51.100.1",
      },
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
  });

  test("one address failing on several accounts is refused too", async () => {
    const member = await memberSession("viewer");
    const address = { "x-forwarded-for": "192.0.2.55" };
    for (let i = 0; i < 3; i++) {
      const res = await authRequest(
        "sign-in/email",
        { email: `nobody-${i}@example.com`, password: "wrong-password" },
        address,
      );
      expect(res.status).toBe(401);
    }
    const refused = await authRequest(
      "sign-in/email",
      { email: member.email, password: member.password },
      address,
    );
    expect(refused.status).toBe(429);
    // Another address still signs this account in.
    const ok = await authRequest(
      "sign-in/email",
      { email: member.email, password: member.password },
      {
        "x-forwarded-for": "192.0.2.56",
      },
    );
    expect(ok.status).toBe(200);
  });
});
