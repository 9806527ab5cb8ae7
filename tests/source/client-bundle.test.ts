import { describe, expect, it } from "vitest";
import { readSource, resolveImport, sourceFiles } from "./source-files";

// What the browser downloads is decided by imports: every module a "use client" file reaches through value
// imports (type-only imports are erased) ships in a page's script. Two packages must not arrive that way:
// zod (about 110 KiB: the dashboard parses nothing with it in the browser; a module that ever does imports it
// from lib/client/zod-config.ts, which sets it up for the Content-Security-Policy) and recharts (about
// 400 KiB: only the experiment timelines use it, loaded with `import()` when they are drawn).

const importPattern =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"/g;

/** The specifiers a file imports for their values (a dynamic `import()` is not followed: it loads later). */
function valueImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(importPattern)) {
    if (match[5]) {
      found.push(match[5]);
      continue;
    }
    const [, , typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const names =
      named?.[1]
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean) ?? [];
    if (named && names.length > 0 && names.every((name) => name.startsWith("type "))) continue;
    found.push(specifier);
  }
  return found;
}

/** The chains of files by which a client module reaches zod, other than through lib/client/zod-config.ts. */
function zodFromClient(): string[] {
  const clientFiles = sourceFiles().filter(
    (file) =>
      (file.startsWith("app/") || file.startsWith("components/")) && /^"use client"/.test(readSource(file)),
  );
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(readSource(file))) {
      const target = resolveImport(file, specifier);
      if (target) walk(target, [...chain, target]);
      else if (/^zod(\/|$)/.test(specifier) && file !== "lib/client/zod-config.ts")
        found.push(chain.join(" → "));
    }
  };
  for (const file of clientFiles) walk(file, [file]);
  return found;
}

describe("what the browser downloads", () => {
  it("tells value imports from type-only ones", () => {
    expect(
      valueImports(
        [
          'import type { A } from "a";',
          'import { type B, type C } from "b";',
          'import { type D, e } from "c";',
          'import f from "d";',
          'export type { G } from "e";',
          'export { h } from "f";',
          'import "g";',
          'const Lazy = dynamic(() => import("h"));',
        ].join("\n"),
      ),
    ).toEqual(["c", "d", "f", "g"]);
  });

  it("ships no zod in any page's script", () => {
    expect(zodFromClient()).toEqual([]);
  });

  it("loads recharts only with import(), never with a page's script", () => {
    const files = sourceFiles();
    const charts = files.filter((file) => valueImports(readSource(file)).includes("recharts"));
    expect(charts.length).toBeGreaterThan(0);
    const staticImporters = files.filter((file) =>
      valueImports(readSource(file)).some((specifier) =>
        charts.includes(resolveImport(file, specifier) ?? ""),
      ),
    );
    expect(staticImporters).toEqual([]);
  });
});
