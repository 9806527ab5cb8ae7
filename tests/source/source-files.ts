import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
const folders = ["app", "bench", "components", "db", "lib", "scripts", "tests"];

/** Every TypeScript file of the project, relative to the root. */
export function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      // Build output (bench/reference-page/.next) is not source.
      const hidden = entry.name.startsWith(".");
      if (entry.isDirectory() && !hidden) walk(relative);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(relative);
    }
  };
  for (const folder of folders) walk(folder);
  return files.sort();
}

export const readSource = (file: string) => readFileSync(path.join(root, file), "utf8");

/** The project file an import specifier names (`@/…` or relative), or undefined for a package. */
export function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(root, candidate))) return path.normalize(candidate);
  }
  return undefined;
}
