import { describe, expect, it } from "vitest";
import { readSource, resolveImport, sourceFiles } from "./source-files";

// What the browser downloads is decided by imports: every module a "use client" file reaches through value
// imports (type-only imports are erased) ships in a page's script. Two packages must not arrive that way:
// zod (about 110 KiB: the dashboard parses nothing with it in the browser; a module that ever does imports it
// from lib/client/zod-config.ts, which sets it up for the Content-Security-Policy) and recharts (about
// 400 KiB: only the experiment timelines use it, loaded with `import()` when they are drawn). Nor may that code
// use ICU: the first Intl formatter, toLocaleString or localeCompare of a page loads ICU's locale data on the
// main thread, mid-hydration (components/ui/format.ts writes the dashboard's formats without it).

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

const clientFiles = () =>
  sourceFiles().filter(
    (file) =>
      (file.startsWith("app/") || file.startsWith("components/")) && /^"use client"/.test(readSource(file)),
  );

/** Every file a client module reaches through value imports, with the chain that reaches it. */
function reachedFromClient(): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const walk = (file: string, chain: string[]) => {
    if (reached.has(file)) return;
    reached.set(file, chain);
    for (const specifier of valueImports(readSource(file))) {
      const target = resolveImport(file, specifier);
      if (target) walk(target, [...chain, target]);
    }
  };
  for (const file of clientFiles()) walk(file, [file]);
  return reached;
}

/** The chains of files by which a client module reaches zod, other than through lib/client/zod-config.ts. */
function zodFromClient(): string[] {
  const found: string[] = [];
  for (const [file, chain] of reachedFromClient()) {
    if (file === "lib/client/zod-config.ts") continue;
    if (valueImports(readSource(file)).some((specifier) => /^zod(\/|$)/.test(specifier)))
      found.push(chain.join(" → "));
  }
  return found;
}

const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
const icuUse = /\bIntl\.|\.toLocale(?:Date|Time)?String\(|\.localeCompare\(/;

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

  it("loads no ICU data in any page's script", () => {
    expect(icuUse.test('const n = new Intl.NumberFormat("en-US");')).toBe(true);
    expect(icuUse.test("label.localeCompare(other)")).toBe(true);
    expect(icuUse.test("count.toLocaleString()")).toBe(true);
    const users = [...reachedFromClient()]
      .filter(([file]) => !file.includes(".test.") && icuUse.test(withoutComments(readSource(file))))
      .map(([, chain]) => chain.join(" → "));
    expect(users).toEqual([]);
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
