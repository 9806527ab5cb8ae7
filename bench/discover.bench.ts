import os from "node:os";
import postgres from "postgres";
import { closeDb } from "@/db/client";
import { discoverSegments } from "@/lib/discovery/service";
import { benchConfig, ensureUsers, openBenchDatabase } from "./support/database";
import { replaceDocSection } from "./support/doc-section";

const DATABASE = "bench_discover";
const HEADING = "## Segment discovery";
const round = (ms: number) => Math.round(ms);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

function writeSection(rows: string[], users: number, setupSeconds: number, serverVersion: string): void {
  const section = [
    HEADING,
    "",
    `\`npm run bench -- discover\`, ${new Date().toISOString().slice(0, 10)}: ${users.toLocaleString("en-US")} generated profiles`,
    `(bench/support/database.ts, built in ${Math.round(setupSeconds)} s) on PostgreSQL ${serverVersion}, ${os.cpus().length} ×`,
    `${os.cpus()[0]?.model.trim() ?? "CPU"}, load average ${Math.round(os.loadavg()[0] * 10) / 10} while it ran (the machine was shared).`,
    "Each run is the whole service call: the seeded sample drawn in the database, encoding, k-means, the",
    "trees, precision/recall on the sample and the exact size of every proposal on the whole table.",
    "",
    "| run | sample | k | time |",
    "| --- | ---: | ---: | ---: |",
    ...rows,
    "",
    "Most of a run is not the clustering: drawing the sample (a full scan in seeded hash order), counting",
    "the table, and one full scan per proposal for its exact size (the 10,000-profile run takes almost as long",
    "as the 50,000-profile one).",
    "",
    "",
  ].join("\n");
  replaceDocSection(HEADING, section);
}

// Building a million profiles is one long INSERT … SELECT: the API's 30 s statement timeout does not apply here.
process.env.STATEMENT_TIMEOUT_MS ??= "0";
const admin = postgres(benchConfig.serverUrl, { max: 1, onnotice: () => {} });
try {
  const db = await openBenchDatabase(DATABASE);
  const setup = await ensureUsers(db, benchConfig.users);
  console.log(`users ready (${benchConfig.users}, ${Math.round(setup.seconds)} s)`);
  const rows: string[] = [];
  const runs = [
    { label: "k chosen by silhouette (2–12)", input: { sample_size: 50_000, seed: 1 } },
    { label: "k = 6 given", input: { sample_size: 50_000, seed: 1, k: 6 } },
    { label: "k chosen, 10,000 sampled", input: { sample_size: 10_000, seed: 1 } },
  ];
  for (const run of runs) {
    const { ms, result } = await timed(() => discoverSegments(run.input));
    console.log(`${run.label}: ${round(ms)} ms, k=${result.k}, sample=${result.sample_size}`);
    rows.push(
      `| ${run.label} | ${result.sample_size.toLocaleString("en-US")} | ${result.k} | ${(ms / 1000).toFixed(1)} s |`,
    );
  }
  const [{ server_version }] = await admin`show server_version`;
  writeSection(rows, benchConfig.users, setup.seconds, String(server_version).split(" ")[0]);
} finally {
  await closeDb();
  await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}
