// `npm start`: build if needed, then serve the app. The server applies migrations and loads the demo data
// into an empty database at start (instrumentation.ts), so one process owns the embedded database.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
buildIfNeeded();

const port = process.env.PORT ?? "3000";
// Loopback by default: only this machine can connect, which is what lets AUTH_MODE default to local (README, "Modes").
const host = process.env.HOST || "127.0.0.1";
const server = spawn(
  process.execPath,
  [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", host],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: host,
      // The app's own SIGTERM/SIGINT handler closes the database before exiting (lib/lifecycle/shutdown.ts).
      NEXT_MANUAL_SIG_HANDLE: "true",
      PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? path.join(root, ".data", "pglite"),
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
