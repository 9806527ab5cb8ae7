import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const BENCHMARKS_DOC = path.join(process.cwd(), "docs", "benchmarks.md");

/**
 * Puts `section` (its first line the `## ` heading) into docs/benchmarks.md in place of the section with the
 * same heading, or at the end: each benchmark owns its section, and a rerun replaces it whole, up to the next
 * `## ` heading, which keeps a blank line before it.
 */
export function replaceDocSection(heading: string, section: string, doc = BENCHMARKS_DOC): void {
  let text = existsSync(doc) ? readFileSync(doc, "utf8") : "# Benchmarks\n";
  const body = `${section.trimEnd()}\n`;
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) text = `${text.trimEnd()}\n\n${body}`;
  else {
    const next = text.indexOf("\n## ", start + heading.length);
    text = `${text.slice(0, start)}${body}${next === -1 ? "" : `\n${text.slice(next + 1)}`}`;
  }
  writeFileSync(doc, text);
}
