// Builds the production bundle when there is none or when a source file is newer than it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sourceDirs = ["app", "components", "lib", "db", "public"];
const sourceFiles = [
  "package.json",
  "package-lock.json",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/**
 * Builds the Next.js app in `dir` (the project by default) when it has no build or when one of `sources` (paths
 * relative to `dir`) is newer than its BUILD_ID. The Lighthouse bench's reference page uses it with its own.
 */
export function buildIfNeeded({
  dir = root,
  distDir = process.env.NEXT_DIST_DIR || ".next",
  sources = [...sourceDirs, ...sourceFiles],
} = {}) {
  const buildId = path.join(dir, distDir, "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...sources.map((source) => newestMtime(path.resolve(dir, source))));
  if (builtAt > sourcesAt) return;
  console.log(builtAt ? "Sources changed since the last build: building…" : "No build yet: building…");
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "build", dir],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// `node scripts/build-if-needed.mjs` from shell scripts.
if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
