import { describe, expect, it } from "vitest";
import { timestamp } from "@/lib/api/schemas";
import { findUnsafeValue, freeFormObject, MAX_FREE_FORM_BYTES, safeJsonInput } from "./input-guards";

const nest = (depth: number): unknown => (depth === 0 ? 1 : { a: nest(depth - 1) });

describe("input guards", () => {
  it("finds a NUL character in a value or a key, with its path", () => {
    expect(findUnsafeValue({ a: [{ b: "x\u0000" }] })).toMatchObject({ path: ["a", 0, "b"] });
    expect(findUnsafeValue({ a: { "k\u0000": 1 } })?.path).toEqual(["a", "k\\u0000"]);
    expect(findUnsafeValue({ a: ["fine", 1, null, true] })).toBeUndefined();
  });

  it("reports the first issue in document order, with the path of keys and indexes to it", () => {
    const issue = findUnsafeValue({
      users: [{ traits: { ok: ["x"] } }, { name: "a\u0000", traits: { "k\u0000": 1 } }],
    });
    expect(issue).toEqual({ path: ["users", 1, "name"], message: "Must not contain NUL characters" });
    expect(findUnsafeValue("\u0000")).toEqual({ path: [], message: "Must not contain NUL characters" });
    expect(findUnsafeValue([[nest(40)]])?.path).toEqual([0, 0, ...Array(30).fill("a")]);
  });

  it("stops at the depth limit without recursing, however deep the document", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeValue(deep)?.message).toMatch(/at most 32 levels/);
    expect(findUnsafeValue(nest(31))).toBeUndefined();
    expect(safeJsonInput.safeParse(nest(40)).success).toBe(false);
  });

  it("caps free-form JSON at 16 KB and 8 levels", () => {
    const schema = freeFormObject();
    expect(schema.safeParse({ plan: "pro", nested: nest(6) }).success).toBe(true);
    const deep = schema.safeParse({ nested: nest(8) });
    expect(deep.success).toBe(false);
    expect(deep.error?.issues[0].path[0]).toBe("nested");
    const big = schema.safeParse({ text: "x".repeat(MAX_FREE_FORM_BYTES) });
    expect(big.error?.issues[0].message).toMatch(/16384 bytes/);
    expect(schema.safeParse({ "\u0000": 1 }).success).toBe(false);
  });

  it("accepts timestamps only in the years 1 to 9999", () => {
    expect(timestamp.safeParse("2025-06-01T12:00:00Z").success).toBe(true);
    expect(timestamp.safeParse("9999-12-31T23:59:59Z").success).toBe(true);
    expect(timestamp.safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(timestamp.safeParse("-271821-04-20T00:00:00Z").success).toBe(false);
  });
});
