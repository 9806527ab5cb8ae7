// `npm run dev`: the development server on its own data folder, apart from `npm start`'s.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const server = spawn(
  process.execPath,
  [path.join(root, "node_modules/next/dist/bin/next"), "dev", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? path.join(root, ".data", "pglite-dev"),
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
