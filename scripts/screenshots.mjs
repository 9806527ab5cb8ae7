// `npm run screenshots`: regenerates public/screenshots/*.png (shown in README) from the browser tests,
// against the production build on a fresh embedded database with the demo data.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
mkdirSync(path.join(root, "public", "screenshots"), { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    path.join(root, "scripts/e2e.mjs"),
    "e2e/screenshots.spec.ts",
    // Its own results folder, so that a browser test run at the same time cannot delete its traces.
    `--output=${path.join(os.tmpdir(), "audience-segments-screenshots")}`,
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, SCREENSHOTS: "1" },
  },
);
process.exit(result.status ?? 1);
