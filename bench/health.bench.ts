// `npm run bench -- health`: `/health` latency on the production server (embedded PGlite, demo data) while
// the heaviest estimate and the heaviest dynamic segment create the limits allow run together (issue 12:
// "/health answers within a second"). HEALTH_ROUNDS (default 10) pairs of heavy requests, each with its own
// criteria values; HEALTH_BENCH_PORT (3245) names the port. Prints the figures and the load average.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed.mjs";
import { healthDuringHeavyRequests, warmHeavyRoutes } from "../tests/server/heavy-requests";
import { startServer, waitUntilHealthy } from "../tests/server/production-server";
import { percentile } from "./support/stats";

const rounds = Number(process.env.HEALTH_ROUNDS ?? 10);
const port = Number(process.env.HEALTH_BENCH_PORT ?? 3245);

buildIfNeeded();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-health-bench-"));
const server = startServer({ port, dataDir, env: { SEED_DEMO_DATA: "true" } });
try {
  await waitUntilHealthy(server, 180_000);
  await warmHeavyRoutes(server);
  const latencies: number[] = [];
  const heavy: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const { estimate, created, samples } = await healthDuringHeavyRequests(server, `bench-${round}`);
    heavy.push(performance.now() - started);
    if (estimate.status !== 200 || created.status !== 201) {
      throw new Error(`heavy requests answered ${estimate.status} and ${created.status}`);
    }
    if (samples.some((s) => s.status !== 200)) throw new Error("/health answered other than 200");
    latencies.push(...samples.map((s) => s.latency));
  }
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}, ${os.cpus().length} cores`,
  );
  console.log(
    `heavy pair (estimate + create of 5,000 members): median ${ms(percentile(heavy, 50))}, max ${ms(Math.max(...heavy))}`,
  );
  console.log(
    `/health during it: ${latencies.length} answers, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`,
  );
} finally {
  server.process.kill("SIGTERM");
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
