import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "./source-files";

// What eslint-plugin-drizzle's enforce-delete-with-where and enforce-update-with-where do, for Biome users:
// a Drizzle `.delete(table)` or `.update(table)` whose statement has no `.where(` touches every row.

/** The Drizzle tables db/schema.ts declares: `.delete(x)` of anything else (a URLSearchParams) is not a write. */
const tables = [...readSource("db/schema.ts").matchAll(/export const (\w+) = pgTable\(/g)].map((m) => m[1]);

/** Each `.delete(table)`/`.update(table)` call without a where in the rest of its statement (to the next `;`). */
function unboundedWrites(source: string): string[] {
  const found: string[] = [];
  const call = new RegExp(`\\.(delete|update)\\(\\s*(${tables.join("|")})\\s*\\)`, "g");
  for (const match of source.matchAll(call)) {
    const end = source.indexOf(";", match.index);
    const statement = source.slice(match.index, end === -1 ? undefined : end);
    if (!statement.includes(".where(")) found.push(statement.split("\n")[0]);
  }
  return found;
}

describe("Drizzle writes", () => {
  it("finds a delete or update without where, and accepts one with it", () => {
    expect(tables).toContain("users");
    expect(unboundedWrites("await tx.delete(users);")).toEqual([".delete(users)"]);
    expect(unboundedWrites('params.delete("page");')).toEqual([]);
    expect(unboundedWrites("await db.update(users).set({ a: 1 }).returning();")).toHaveLength(1);
    expect(
      unboundedWrites("await db\n  .update(users)\n  .set({ a: 1 })\n  .where(eq(users.id, id));"),
    ).toEqual([]);
  });

  it("every delete and update in the source has a where", () => {
    const offenders = sourceFiles()
      .filter((file) => !file.startsWith("tests/source/"))
      .flatMap((file) => unboundedWrites(readSource(file)).map((statement) => `${file}: ${statement}`));
    expect(offenders).toEqual([]);
  });
});
