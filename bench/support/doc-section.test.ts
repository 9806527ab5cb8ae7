import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { replaceDocSection } from "./doc-section";

const doc = () => path.join(mkdtempSync(path.join(tmpdir(), "bench-doc-")), "benchmarks.md");

describe("replaceDocSection", () => {
  it("replaces a section up to the next heading, keeping the sections around it and a blank line", () => {
    const file = doc();
    writeFileSync(file, "# Benchmarks\n\n## A\n\nold a\n\n## B\n\nold b\n\n### B.1\n\nmore b\n\n## C\n\nc\n");
    replaceDocSection("## B", "## B\n\nnew b", file);
    expect(readFileSync(file, "utf8")).toBe("# Benchmarks\n\n## A\n\nold a\n\n## B\n\nnew b\n\n## C\n\nc\n");
  });

  it("appends a section it does not find, and replaces the last one to the end", () => {
    const file = doc();
    writeFileSync(file, "# Benchmarks\n\n## A\n\na\n");
    replaceDocSection("## A (1M)", "## A (1M)\n\nbig a\n\n", file);
    replaceDocSection("## A (1M)", "## A (1M)\n\nbigger a", file);
    expect(readFileSync(file, "utf8")).toBe("# Benchmarks\n\n## A\n\na\n\n## A (1M)\n\nbigger a\n");
  });
});
