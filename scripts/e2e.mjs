// `npm run test:e2e`: the browser tests against the production build on a fresh embedded database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { findChromium } from "./find-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const playwright = path.join(root, "node_modules/@playwright/test/cli.js");

const chromium = findChromium();
const env = { ...process.env };
if (chromium) {
  env.CHROMIUM_PATH = chromium;
} else {
  console.log("No Chromium found: trying Playwright's own download (`playwright install chromium`)…");
  const install = spawnSync(process.execPath, [playwright, "install", "chromium"], { stdio: "inherit" });
  if (install.status !== 0) {
    console.error(
      [
        "",
        "The browser tests need Chromium and none could be found or downloaded.",
        "  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium",
        "  Elsewhere:      npx playwright install chromium",
        "  Or point CHROMIUM_PATH at a Chromium or Chrome binary.",
      ].join("\n"),
    );
    process.exit(1);
  }
}

buildIfNeeded();
const result = spawnSync(process.execPath, [playwright, "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
