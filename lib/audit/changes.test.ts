import { describe, expect, it } from "vitest";
import { boundChanges, createdFields, deletedFields, diffFields, MAX_CHANGES_BYTES } from "./changes";

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

describe("diffFields", () => {
  it("keeps only the fields whose value changed, comparing objects whatever their key order", () => {
    const before = {
      name: "a",
      criteria: { x: 1, y: [1, 2] },
      at: new Date("2026-01-01T00:00:00Z"),
      n: null,
    };
    const after = {
      name: "b",
      criteria: { y: [1, 2], x: 1 },
      at: new Date("2026-01-01T00:00:00Z"),
      n: undefined,
    };
    expect(diffFields(before, after, ["name", "criteria", "at", "n"])).toEqual({
      name: { before: "a", after: "b" },
    });
  });
});

describe("createdFields and deletedFields", () => {
  it("leave out empty fields", () => {
    expect(createdFields({ a: 1, b: null }, ["a", "b"])).toEqual({ a: { before: null, after: 1 } });
    expect(deletedFields({ a: 1, b: undefined }, ["a", "b"])).toEqual({ a: { before: 1, after: null } });
  });
});

describe("boundChanges", () => {
  it("replaces a value over 2 KB by its size, keeping small ones", () => {
    const list = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
    const bounded = boundChanges({ ids: { before: null, after: list }, name: { before: "a", after: "b" } });
    expect(bounded.ids.after).toEqual({ omitted: true, bytes: bytes(list), items: 1000 });
    expect(bounded.name).toEqual({ before: "a", after: "b" });
  });

  it("keeps a whole entry within the free-form cap however many fields change", () => {
    const changes = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [
        `field_${i}`,
        { before: "x".repeat(1500), after: "y".repeat(1500) },
      ]),
    );
    const bounded = boundChanges(changes);
    expect(bytes(bounded)).toBeLessThanOrEqual(MAX_CHANGES_BYTES);
    expect(Object.keys(bounded)).toHaveLength(40);
  });

  it("stores dates as ISO strings and undefined as null", () => {
    expect(boundChanges({ at: { before: undefined, after: new Date("2026-01-02T00:00:00Z") } })).toEqual({
      at: { before: null, after: "2026-01-02T00:00:00.000Z" },
    });
  });
});
