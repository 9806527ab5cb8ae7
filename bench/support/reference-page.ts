// The Lighthouse bench's floor: a bare Next.js page (bench/reference-page: one heading, one paragraph, the
// project's own Next.js and React), built and served next to the dashboard and measured in the same run. A
// page's score moves with the machine as much as with its code (Lighthouse's phone multiplies every main-thread
// task of this machine by four); this row says what the framework alone scores here, today.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "bench", "reference-page");
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".next")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds when there is no build or when its sources or the project's packages (its Next.js) are newer. */
function buildIfNeeded() {
  const buildId = path.join(appDir, ".next", "BUILD_ID");
  const sourcesAt = Math.max(newestSource(appDir), statSync(path.join(root, "package-lock.json")).mtimeMs);
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sourcesAt) return;
  const result = spawnSync(process.execPath, [next, "build", appDir], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("the reference page did not build");
}

export interface ReferencePage {
  url: string;
  stop: () => void;
}

/** Builds the reference page when its sources are newer than its build, serves it and waits for its answer. */
export async function startReferencePage(port: number): Promise<ReferencePage> {
  buildIfNeeded();
  const child: ChildProcess = spawn(
    process.execPath,
    [next, "start", appDir, "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => child.kill("SIGTERM");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`the reference page did not answer on ${url}`);
}
