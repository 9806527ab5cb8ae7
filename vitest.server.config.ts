import path from "node:path";
import { defineConfig } from "vitest/config";

// The production-server tests (`*.server.test.ts`): each starts `next start` on its own port (3240–3249) and
// data folder, kills or stops it, and restarts it. They need a build (global setup makes one if missing),
// take a minute or two, and run one file at a time. `npm test` runs them as their own stage.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/server/**/*.server.test.ts"],
    globalSetup: ["tests/server/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
