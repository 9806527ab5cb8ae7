import { describe, expect, it } from "vitest";
import { readSource, resolveImport, sourceFiles } from "./source-files";

// A file-level import cycle makes module order matter (a value read before its module ran is undefined)
// and says two files are one idea split badly. Type-only imports count too: they are the same coupling.

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/g;

function importGraph(files: string[], read: (file: string) => string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...read(file).matchAll(importPattern)]
      .map((match) => resolveImport(file, match[1]))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files around it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("imports between files", () => {
  it("finds a cycle, and none in a chain", () => {
    const cycle = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
    ]);
    expect(findCycles(cycle)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(
      findCycles(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads the project's imports (the walk is not vacuous)", () => {
    const graph = importGraph(sourceFiles(), readSource);
    expect(graph.get("lib/segments/service.ts")).toContain("lib/segments/queries.ts");
    expect(graph.get("app/api/v1/segments/route.ts")).toContain("lib/api/handler.ts");
  });

  it("has no cycle", () => {
    const cycles = findCycles(importGraph(sourceFiles(), readSource)).map((cycle) => cycle.join(" → "));
    expect(cycles).toEqual([]);
  });
});
