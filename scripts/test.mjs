// `npm test`: the whole suite, stopping at the first failing stage.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const stages = [
  ["Type check", bin("tsc"), ["--noEmit"]],
  ["Lint and format", bin("biome"), ["check", "."]],
  ["Unit and integration tests", bin("vitest"), ["run"]],
  ["Server tests (kill, stop, load)", bin("vitest"), ["run", "--config", "vitest.server.config.ts"]],
  ["Browser tests", process.execPath, [path.join(root, "scripts/e2e.mjs")]],
];

const only = process.env.TEST_STAGES?.split(",").map((s) => s.trim().toLowerCase());
for (const [name, command, args] of stages) {
  if (only && !only.some((wanted) => name.toLowerCase().startsWith(wanted))) continue;
  console.log(
    `\n=== ${name}: ${path.basename(command)} ${args.map((a) => path.relative(root, a) || a).join(" ")}`,
  );
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${name} failed after ${seconds}s.`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${name} passed in ${seconds}s.`);
}
