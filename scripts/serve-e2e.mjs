// The browser tests' server: the production build on a fresh embedded database of its own, with demo data.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.join(root, ".data", `pglite-e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });

const { DATABASE_URL: _ignored, ...env } = process.env;
const server = spawn(
  process.execPath,
  [
    path.join(root, "node_modules/next/dist/bin/next"),
    "start",
    "-p",
    process.env.E2E_PORT ?? "3100",
    "-H",
    "127.0.0.1",
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      PGLITE_DATA_DIR: dataDir,
      SEED_DEMO_DATA: "true",
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
