// `npm run bench`: runs every bench/*.bench.ts file, each in its own
// process with the react-server condition, so that the app's server-only modules load as on the server.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = [
  ...readdirSync(dir)
    .filter((name) => name.endsWith(".bench.ts"))
    .sort(),
].filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)));

let failed = false;
for (const file of files) {
  console.log(`\n# ${file}`);
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(dir, file)],
    {
      stdio: "inherit",
      env: process.env,
    },
  );
  if (result.status !== 0) {
    console.error(`${file} failed (exit ${result.status})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
