import { describe, expect, it } from "vitest";
import { DELETE, GET, PATCH, POST, PUT } from "@/lib/api/method-not-allowed";
import { operations } from "@/lib/openapi/document";
import { api } from "../support/api";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const fallback: Record<(typeof METHODS)[number], unknown> = { GET, POST, PUT, PATCH, DELETE };
const ID = "00000000-0000-4000-8000-000000000000";

type RouteModule = Record<string, unknown>;
const modules = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts", { eager: true });

/** `/app/api/v1/segments/[segmentId]/route.ts` and `/api/v1/segments/{segment_id}` both → `/api/v1/segments/*`. */
const shapeOfFile = (file: string) =>
  file
    .replace(/^\/app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[[^\]]+\]/g, "*");
const shapeOfPath = (path: string) => path.replace(/\{[^}]+\}/g, "*");

const documented = new Map<string, Set<string>>();
for (const op of operations) {
  const methods = documented.get(op.path) ?? new Set<string>();
  methods.add(op.method.toUpperCase());
  documented.set(op.path, methods);
}

describe("unsupported methods", () => {
  it.each([...documented.entries()])(
    "%s answers an undocumented method with 405 problem+json and Allow",
    async (path, methods) => {
      const concrete = path.replace(/\{[^}]+\}/g, ID);
      const missing = METHODS.filter((method) => !methods.has(method));
      expect(missing.length).toBeGreaterThan(0);
      for (const method of missing) {
        const res = await api(method, concrete);
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(res.body.code).toBe("method_not_allowed");
        const allow = (res.headers.get("allow") ?? "").split(", ");
        expect(allow.filter((m) => (METHODS as readonly string[]).includes(m)).sort()).toEqual(
          [...methods].sort(),
        );
        expect(allow).toContain("OPTIONS");
      }
    },
  );

  it("answers OPTIONS with the route's own methods", async () => {
    const res = await api("OPTIONS", `/api/v1/segments/${ID}`);
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
  });
});

describe("every route module", () => {
  it.each(Object.keys(modules))(
    "%s falls back to the 405 handlers and defines only documented methods",
    (file) => {
      const module = modules[file];
      if (file.includes("[...")) return;
      for (const method of METHODS)
        expect(module[method], `${file} exports ${method}`).toBeTypeOf("function");
      const own = METHODS.filter((method) => module[method] !== fallback[method]);
      expect(own.length, `${file} defines a method`).toBeGreaterThan(0);
      const shape = shapeOfFile(file);
      if (shape === "/api/v1/openapi.json") return expect(own).toEqual(["GET"]);
      const path = [...documented.keys()].find((candidate) => shapeOfPath(candidate) === shape);
      expect(path, `${file} is documented`).toBeDefined();
      expect(own.sort()).toEqual([...(documented.get(path as string) ?? [])].sort());
    },
  );
});

describe("unknown API paths", () => {
  it.each([
    ["GET", "/api/v1/nothing-here"],
    ["POST", "/api/v1/segments/some/deep/path"],
    ["DELETE", `/api/v1/segments/${ID}/unknown`],
  ])("%s %s is a 404 problem+json", async (method, path) => {
    const res = await api(method, path, method === "POST" ? {} : undefined);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("not_found");
    expect(res.body.detail).toContain(path);
  });
});
