// `npm run bench -- load`: 50 concurrent clients for 60 s against the production server (loopback only), on
// the embedded PGlite and on PostgreSQL, each from a fresh database with the demo data. Each client loops
// over the three requests the reliability issue measured: list segments, estimate criteria, add a member.
// LOAD_CLIENTS, LOAD_SECONDS, LOAD_PORT and LOAD_DATABASES (pglite,postgres) adjust it;
// BENCH_DATABASE_URL names the PostgreSQL server (a database is created on it and dropped afterwards).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { buildIfNeeded } from "../scripts/build-if-needed.mjs";
import { api, startServer, waitUntilHealthy } from "../tests/server/production-server";
import { percentile } from "./support/stats";

const clients = Number(process.env.LOAD_CLIENTS ?? 50);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const port = Number(process.env.LOAD_PORT ?? 3244);
const databases = (process.env.LOAD_DATABASES ?? "pglite,postgres").split(",");
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

type Kind = "list" | "estimate" | "member_add";
const kinds: Kind[] = ["list", "estimate", "member_add"];

async function loadOnce(database: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-load-bench-"));
  let databaseUrl = "";
  const admin = database === "postgres" ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : undefined;
  const dbName = `as_load_${randomBytes(4).toString("hex")}`;
  if (admin) {
    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const server = startServer({ port, dataDir, env: { SEED_DEMO_DATA: "true", DATABASE_URL: databaseUrl } });
  try {
    await waitUntilHealthy(server, 180_000);
    const segments = await api<{ items: { id: string; membership_mode: string }[] }>(
      server,
      "GET",
      "/api/v1/segments?limit=100",
    );
    const manual = segments.body.items.filter((s) => s.membership_mode === "manual").map((s) => s.id);
    const users = await api<{ items: { id: string }[] }>(server, "GET", "/api/v1/users?limit=100");
    const userIds = users.body.items.map((u) => u.id);
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    const requests: Record<Kind, () => Promise<Response>> = {
      list: () => fetch(`${server.url}/api/v1/segments?limit=20`),
      estimate: () =>
        fetch(`${server.url}/api/v1/segments/estimate`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            criteria: { age_range: [25, 45], interests: ["technology", "gadgets"], engagement_level: "high" },
          }),
        }),
      member_add: () =>
        fetch(`${server.url}/api/v1/segments/${pick(manual)}/members/${pick(userIds)}?confidence_score=0.9`, {
          method: "POST",
        }),
    };
    const latencies: Record<Kind, number[]> = { list: [], estimate: [], member_add: [] };
    let errors = 0;
    const deadline = Date.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = client; Date.now() < deadline; i++) {
          const kind = kinds[i % kinds.length];
          const t = performance.now();
          try {
            const res = await requests[kind]();
            await res.arrayBuffer();
            if (res.status >= 400) errors += 1;
          } catch {
            errors += 1;
          }
          latencies[kind].push(performance.now() - t);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    // Counts must still be exact after the load.
    let inexact = 0;
    for (const id of manual) {
      const segment = await api<{ member_count: number }>(server, "GET", `/api/v1/segments/${id}`);
      const members = await api<{ total: number }>(server, "GET", `/api/v1/segments/${id}/members?limit=1`);
      if (segment.body.member_count !== members.body.total) inexact += 1;
    }
    const total = kinds.reduce((sum, kind) => sum + latencies[kind].length, 0);
    const all = kinds.flatMap((kind) => latencies[kind]);
    console.log(
      `${database}: ${clients} clients × ${seconds} s: ${total} requests, ${(total / elapsed).toFixed(1)} req/s, ` +
        `p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms, ${errors} errors, ` +
        `${inexact} segments with an inexact member_count`,
    );
    for (const kind of kinds) {
      const values = latencies[kind];
      console.log(
        `  ${kind.padEnd(10)} ${String(values.length).padStart(6)} requests  p50 ${percentile(values, 50).toFixed(0)} ms` +
          `  p95 ${percentile(values, 95).toFixed(0)} ms  max ${Math.max(...values).toFixed(0)} ms`,
      );
    }
  } finally {
    server.process.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
}

buildIfNeeded();
console.log(
  `load: ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
for (const database of databases) await loadOnce(database);
