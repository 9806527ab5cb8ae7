import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type HealthSample, healthDuringHeavyRequests, warmHeavyRoutes } from "./heavy-requests";
import { type RunningServer, startServer, waitUntilHealthy } from "./production-server";

const PORT = Number(process.env.HEALTH_LOAD_PORT ?? 3243);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-load-"));
let server: RunningServer | undefined;

afterAll(async () => {
  if (server && server.process.exitCode === null) {
    server.process.kill("SIGTERM");
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

// PGlite runs every statement on the server's only thread, so a statement that runs for seconds holds
// /health for as long (the reliability issue saw 101 s). What this checks holds on any machine: the probe
// keeps answering 200 while the heaviest requests run and is never held for anything near their length.
// The latencies themselves are machine-dependent: `npm run bench -- health` measures them
// (docs/benchmarks.md, "/health during the heaviest requests").
describe("/health under the heaviest requests", () => {
  it("keeps answering while a maximal estimate and a maximal dynamic segment create run", async () => {
    // The demo data: 5,000 users and their segments.
    server = startServer({ port: PORT, dataDir, env: { SEED_DEMO_DATA: "true" } });
    await waitUntilHealthy(server, 120_000);
    await warmHeavyRoutes(server);

    const samples: HealthSample[] = [];
    for (const round of [1, 2]) {
      const {
        estimate,
        created,
        samples: during,
      } = await healthDuringHeavyRequests(server, `round-${round}`);
      expect(estimate.status).toBe(200);
      expect((estimate.body as { estimated_size: number }).estimated_size).toBe(5_000);
      expect(created.status).toBe(201);
      expect(created.body.member_count).toBe(5_000);
      // Answered while the heavy requests were still running: not queued behind the whole of them.
      expect(during.some((s) => s.beforeHeavyEnded)).toBe(true);
      samples.push(...during);
    }
    expect(samples.every((s) => s.status === 200)).toBe(true);
    const latencies = samples.map((s) => s.latency);
    console.info(
      `/health during the heavy requests: ${samples.length} answers, max ${Math.round(Math.max(...latencies))} ms`,
    );
    // Generous: a quiet machine answers within about half a second; a regression to one long statement
    // (the 24 KB create held it 101 s) goes far past this, noise on a busy machine does not.
    expect(Math.max(...latencies)).toBeLessThan(5_000);
  });
});
