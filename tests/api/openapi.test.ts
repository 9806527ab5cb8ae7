import { describe, expect, it } from "vitest";
import { operations } from "@/lib/openapi/document";
import { api } from "../support/api";

describe("GET /api/v1/openapi.json", () => {
  it("documents every operation with resolvable references", async () => {
    const res = await api("GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    for (const op of operations) expect(res.body.paths[op.path]?.[op.method]).toBeDefined();
    const text = JSON.stringify(res.body);
    for (const [, id] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      expect(res.body.components.schemas[id], `component ${id}`).toBeDefined();
    }
    expect(res.body.paths["/api/v1/segments"].post.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/SegmentCreate",
    });
  });

  it("has a route file for every documented path", async () => {
    for (const op of operations) {
      const concrete = op.path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
      const res = await api(op.method.toUpperCase(), concrete, op.body ? {} : undefined);
      expect(res.status, `${op.method} ${op.path}`).not.toBe(405);
    }
  });
});
