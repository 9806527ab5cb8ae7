// Starts the production build (`next start`) as a child process on its own port and data folder, the way
// an operator runs it, so that the server tests can kill it, stop it and restart it.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface RunningServer {
  url: string;
  pid: number;
  process: ChildProcess;
  /** Everything the server printed, stdout and stderr interleaved. */
  output: () => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServer(options: {
  port: number;
  /** The embedded database's folder; none for an app without a database (the bench's reference page). */
  dataDir?: string;
  env?: Record<string, string>;
  /** The Next.js app to start: the project by default. */
  dir?: string;
}): RunningServer {
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      ...(options.dir ? [options.dir] : []),
      "-H",
      "127.0.0.1",
      "-p",
      String(options.port),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_MANUAL_SIG_HANDLE: "true",
        ...(options.dataDir ? { PGLITE_DATA_DIR: options.dataDir } : {}),
        DATABASE_URL: "",
        SEED_DEMO_DATA: "false",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid ?? 0,
    process: child,
    output: () => output,
    exited,
  };
}

/** Waits until the health check (or `pathname`) answers 200, or fails with what the server printed. */
export async function waitUntilHealthy(
  server: RunningServer,
  timeoutMs = 60_000,
  pathname = "/api/v1/segments/health",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`${server.url}${pathname}`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not become healthy:\n${server.output()}`);
}

/** PostgreSQL's cluster state from pg_control: 1 = shut down cleanly, 6 = in production (open or crashed). */
export function controlFileState(dataDir: string): number {
  return readFileSync(path.join(dataDir, "global", "pg_control")).readInt32LE(16);
}

export const DB_SHUTDOWNED = 1;
export const DB_IN_PRODUCTION = 6;

export function hasBuild(): boolean {
  return existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
}

export async function api<T = unknown>(
  server: RunningServer,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${pathname}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}
