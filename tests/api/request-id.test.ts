import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { MAX_FREE_FORM_BYTES } from "@/lib/api/input-guards";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

describe("request ids", () => {
  it("are sent with every answer and named as the problem's instance", async () => {
    const ok = await api("GET", "/api/v1/segments");
    expect(ok.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await api("GET", `/api/v1/segments/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.instance).toBe(`urn:request:${missing.headers.get("x-request-id")}`);
  });

  it("keep a caller's plain request id and replace one that is not", async () => {
    const kept = await api("GET", "/api/v1/segments", undefined, {
      headers: { "x-request-id": "client-42" },
    });
    expect(kept.headers.get("x-request-id")).toBe("client-42");
    const replaced = await api("GET", "/api/v1/segments", undefined, {
      headers: { "x-request-id": "a b<c>" },
    });
    expect(replaced.headers.get("x-request-id")).not.toBe("a b<c>");
  });
});

describe("free-form JSON", () => {
  it("is refused past 16 KB or 8 levels with a 422 naming the field", async () => {
    const big = await api("POST", "/api/v1/users", { traits: { text: "x".repeat(MAX_FREE_FORM_BYTES) } });
    expect(big.status).toBe(422);
    expect(big.body.errors[0].field).toBe("traits");
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 9; i++) deep = { a: deep };
    const nested = await api("POST", "/api/v1/personas", { name: uniqueName("Deep"), attributes: deep });
    expect(nested.status).toBe(422);
    expect(nested.body.errors[0].field).toMatch(/^attributes\./);
  });

  it("written before the cap comes back truncated from a list, whole from a single read", async () => {
    const email = `${uniqueName("legacy").replace(/\W+/g, "-").toLowerCase()}@example.com`;
    const user = await api("POST", "/api/v1/users", { email });
    const huge = { text: "y".repeat(MAX_FREE_FORM_BYTES * 4) };
    const db = await getDb();
    await db.execute(
      sql`update users set traits = ${JSON.stringify(huge)}::jsonb where id = ${user.body.id}::uuid`,
    );
    const list = await api("GET", `/api/v1/users?search=${encodeURIComponent(email)}`);
    expect(list.body.items[0].traits).toEqual({ truncated: true, bytes: expect.any(Number) });
    const one = await api("GET", `/api/v1/users/${user.body.id}`);
    expect(one.body.traits).toEqual(huge);
  });
});
