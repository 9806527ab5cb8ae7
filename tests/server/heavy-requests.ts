// The heaviest requests the limits allow on the demo data, and /health sampled while they run: shared by
// the server test (health-under-load) and the benchmark (bench/health.bench.ts).
import { api, type RunningServer } from "./production-server";

/**
 * The heaviest criteria the limits allow: 5 lists of 1,000 values (the 5,000-value budget), each a `not_in`
 * that every user meets, so that the whole population is scanned against all of them and, for a dynamic
 * segment, every user becomes a member.
 */
export function heavyCriteria(salt: string) {
  return {
    all: Array.from({ length: 5 }, (_, list) => ({
      field: `traits.load_${list}`,
      op: "not_in",
      value: Array.from({ length: 1_000 }, (_, i) => `${salt}-${list}-${i}`),
    })),
  };
}

/** The first request to a route loads its module: a one-off cost at start, not what is measured. */
export async function warmHeavyRoutes(server: RunningServer): Promise<void> {
  const criteria = { all: [{ field: "age", op: "gte", value: 150 }] };
  await api(server, "POST", "/api/v1/segments/estimate", { criteria });
  await api(server, "POST", "/api/v1/segments", {
    segment_name: "Warm-up dynamic segment",
    membership_mode: "dynamic",
    criteria,
  });
}

export interface HealthSample {
  status: number;
  /** Milliseconds from sending to the end of the body. */
  latency: number;
  /** Whether the answer was complete before the heavy requests had both finished. */
  beforeHeavyEnded: boolean;
}

/**
 * Sends a maximal estimate and a maximal dynamic segment create together and, until both have answered,
 * `GET /api/v1/segments/health` one after another (20 ms apart): what a load balancer's probe sees.
 */
export async function healthDuringHeavyRequests(server: RunningServer, salt: string) {
  let heavyEnded = false;
  const heavy = Promise.all([
    api(server, "POST", "/api/v1/segments/estimate", { criteria: heavyCriteria(`estimate-${salt}`) }),
    api<{ member_count: number }>(server, "POST", "/api/v1/segments", {
      segment_name: `Heaviest dynamic segment ${salt}`,
      membership_mode: "dynamic",
      criteria: heavyCriteria(`segment-${salt}`),
    }),
  ]).finally(() => {
    heavyEnded = true;
  });
  const samples: HealthSample[] = [];
  while (!heavyEnded) {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/v1/segments/health`);
    await res.text();
    samples.push({ status: res.status, latency: performance.now() - started, beforeHeavyEnded: !heavyEnded });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const [estimate, created] = await heavy;
  return { estimate, created, samples };
}
