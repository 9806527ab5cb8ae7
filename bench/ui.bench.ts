// Benchmark: Lighthouse (pinned 12.2.3) on every page of the dashboard, desktop and mobile presets, against the
// production build served on a fresh embedded database with the demo data. Each page and preset is measured
// BENCH_UI_RUNS times (default 3), each run in a new Chromium; the medians go into docs/benchmarks.md.
// Run: `npm run bench -- ui`. BENCH_UI_BASE_URL measures a server that is already running instead (e.g. on the
// 1,000,000-user PostgreSQL database of the scale benchmark); BENCH_UI_DATA then says what data it serves, and
// the results go under a heading of their own: "## Dashboard pages in Lighthouse (<BENCH_UI_DATA>)".
// BENCH_UI_USERS=1000000 serves the build on a PostgreSQL database of that many users instead, the demo data
// among them and its largest segment grown to about 300,000 members (bench/support/ui-scale.ts).
// The first row is always a bare Next.js page served on the next port (bench/support/reference-page.ts): the
// floor the framework sets on this machine in this run, to read the dashboard's rows against.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed.mjs";
import { type RunningServer, startServer, waitUntilHealthy } from "../tests/server/production-server";
import { benchDatabaseUrl } from "./support/database";
import { replaceDocSection } from "./support/doc-section";
import { startReferencePage } from "./support/reference-page";
import { median } from "./support/stats";
import { resetUnlessScaled, scaleUp, uiScaleDatabase } from "./support/ui-scale";

const root = path.resolve(import.meta.dirname, "..");
const USERS = process.env.BENCH_UI_USERS ? Number(process.env.BENCH_UI_USERS) : undefined;
const DATA =
  process.env.BENCH_UI_DATA ??
  (USERS
    ? `${USERS.toLocaleString("en")} users on PostgreSQL: the demo data and generated users, its largest segment grown to a third of them`
    : undefined);
const HEADING = DATA
  ? `## Dashboard pages in Lighthouse (${process.env.BENCH_UI_DATA ?? `${USERS?.toLocaleString("en")} users`})`
  : "## Dashboard pages in Lighthouse";
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 3);
const PORT = Number(process.env.BENCH_UI_PORT ?? 3220);
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const lighthouseCli = path.join(root, "node_modules", "lighthouse", "cli", "index.js");
const presets = ["desktop", "mobile"] as const;
const REFERENCE = "Reference: bare Next.js page";
type Preset = (typeof presets)[number];

interface Measurement {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  transferKiB: number;
  /** Lighthouse's CPU benchmark of this machine at the run (higher is faster); the mobile preset's 4× slowdown multiplies this machine's own task times, so a slower or busier machine scores lower. */
  benchmarkIndex: number;
}

interface LighthouseReport {
  lighthouseVersion: string;
  environment: { benchmarkIndex: number };
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
}

/** The production build on a fresh embedded database with the demo data, or on `bench_ui` (BENCH_UI_USERS). */
async function startBenchServer(): Promise<{ baseUrl: string; server?: RunningServer }> {
  if (process.env.BENCH_UI_BASE_URL) return { baseUrl: process.env.BENCH_UI_BASE_URL.replace(/\/$/, "") };
  buildIfNeeded();
  const dataDir = path.join(root, ".data", `pglite-bench-ui-${PORT}`);
  rmSync(dataDir, { recursive: true, force: true });
  if (USERS) await resetUnlessScaled(USERS);
  const server = startServer({
    port: PORT,
    dataDir,
    env: {
      SEED_DEMO_DATA: "true",
      // Growing the largest segment to 300,000 members is one refresh, longer than a request's default limit.
      ...(USERS ? { DATABASE_URL: benchDatabaseUrl(uiScaleDatabase), STATEMENT_TIMEOUT_MS: "600000" } : {}),
    },
  });
  try {
    await waitUntilHealthy(server, 180_000);
    if (USERS) await scaleUp(server, USERS);
  } catch (error) {
    server.process.kill("SIGTERM");
    throw error;
  }
  return { baseUrl: server.url, server };
}

/** Every page of the dashboard, with the segment that has the most members for the segment pages. */
async function pages(baseUrl: string): Promise<Array<{ name: string; path: string }>> {
  const res = await fetch(`${baseUrl}/api/v1/segments?sort=-member_count&limit=1`);
  const body = (await res.json()) as { items: Array<{ id: string; segment_name: string }> };
  const segment = body.items[0];
  if (!segment) throw new Error("no segment to measure: is the demo data loaded?");
  const segmentPath = `/segments/${segment.id}`;
  const all = [
    { name: "Segments list", path: "/segments" },
    { name: "New segment", path: "/segments/new" },
    { name: "Segment: Overview", path: segmentPath },
    { name: "Segment: Members", path: `${segmentPath}?tab=members` },
    { name: "Segment: Content & A/B", path: `${segmentPath}?tab=content` },
    { name: "Segment: Settings", path: `${segmentPath}?tab=settings` },
    { name: "Edit segment", path: `${segmentPath}/edit` },
    { name: "Overlap", path: "/segments/overlap" },
    { name: "API reference", path: "/api-docs" },
    { name: "API reference: Segments", path: "/api-docs/segments" },
    { name: "Activity", path: "/activity" },
    { name: "Webhooks", path: "/webhooks" },
    { name: "Discover", path: "/segments/discover" },
    { name: "Insights", path: "/insights" },
  ];
  // BENCH_UI_PAGES="Segments list,Segment: Overview" measures only the pages named.
  const wanted = process.env.BENCH_UI_PAGES?.split(",").map((name) => name.trim());
  return wanted ? all.filter((page) => wanted.includes(page.name)) : all;
}

/**
 * One Lighthouse run, tried up to three times: Chromium now and then loses the trace's start
 * (NO_NAVSTART, "Please run Lighthouse again"), which says nothing about the page.
 */
function measure(url: string, preset: Preset, scratch: string): Measurement {
  for (let attempt = 1; ; attempt++) {
    try {
      return runLighthouse(url, preset, scratch);
    } catch (error) {
      if (attempt === 3 || !String(error).includes("run Lighthouse again")) throw error;
      console.log(`  again after: ${String(error).split("\n")[0]}`);
    }
  }
}

function runLighthouse(url: string, preset: Preset, scratch: string): Measurement {
  const output = path.join(scratch, "report.json");
  rmSync(output, { force: true });
  const args = [
    lighthouseCli,
    url,
    "--quiet",
    "--output=json",
    `--output-path=${output}`,
    "--only-categories=performance,accessibility,best-practices",
    "--chrome-flags=--headless --no-sandbox",
    // The mobile preset is Lighthouse's default configuration (Moto G Power, slow 4G, 4× CPU slowdown).
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, CHROME_PATH },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}: ${result.stderr}`);
  const report = JSON.parse(readFileSync(output, "utf8")) as LighthouseReport;
  if (report.runtimeError)
    throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    fcpMs: value("first-contentful-paint"),
    lcpMs: value("largest-contentful-paint"),
    tbtMs: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    speedIndexMs: value("speed-index"),
    transferKiB: value("total-byte-weight") / 1024,
    benchmarkIndex: report.environment.benchmarkIndex,
  };
}

/** The median of each figure on its own (with three runs, the middle one of each). */
function medianOf(runs: Measurement[]): Measurement {
  const pick = (key: keyof Measurement) => median(runs.map((run) => run[key]));
  return {
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    bestPractices: pick("bestPractices"),
    fcpMs: pick("fcpMs"),
    lcpMs: pick("lcpMs"),
    tbtMs: pick("tbtMs"),
    cls: pick("cls"),
    speedIndexMs: pick("speedIndexMs"),
    transferKiB: pick("transferKiB"),
    benchmarkIndex: pick("benchmarkIndex"),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const loadAverage = () => os.loadavg()[0];

function chromiumVersion(): string {
  const result = spawnSync(CHROME_PATH, ["--version"], { encoding: "utf8" });
  return result.stdout?.trim() || CHROME_PATH;
}

function writeSection(
  rows: Array<{ name: string; preset: Preset; median: Measurement; scores: number[] }>,
  load: { start: number; end: number; max: number },
) {
  const indexes = rows.map((row) => row.median.benchmarkIndex);
  const lines = [
    HEADING,
    "",
    `Written by \`npm run bench -- ui\` (bench/ui.bench.ts) on ${new Date().toISOString().slice(0, 16)}Z:`,
    `Lighthouse 12.2.3, ${chromiumVersion()} (\`--headless --no-sandbox\`), production build, ${DATA ?? "demo data on a fresh embedded database"},`,
    `the segment pages on the segment with the most members. Median of ${RUNS} runs per`,
    'page and preset, each figure on its own; "scores" lists every run\'s performance score. Desktop is',
    "Lighthouse's desktop preset; mobile its default (emulated mid-range phone, simulated slow 4G, 4× CPU",
    `slowdown). **Load average of the shared 2-core machine: ${load.start.toFixed(1)} at the start,`,
    `${load.end.toFixed(1)} at the end, up to ${load.max.toFixed(1)} in between**. Lighthouse's Chromium and the server`,
    "load it by 2 to 5 on their own; anything else running at the same time lengthens the main-thread tasks",
    "Lighthouse times (TBT above all), which Lighthouse's CPU benchmark of the machine at each run shows",
    `(\`benchmarkIndex\`, higher is faster; the rows' medians ranged ${Math.round(Math.min(...indexes))}–${Math.round(Math.max(...indexes))}).`,
    `The first row, "${REFERENCE}", is the floor: one heading and one paragraph built with the same Next.js and`,
    "React (bench/reference-page), served and measured in the same run, so the pages can be read against what",
    "the framework alone scores on this machine today.",
    "",
    "| page | preset | performance (scores) | accessibility | best practices | FCP | LCP | TBT | CLS | Speed Index | transfer |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      ({ name, preset, median: m, scores }) =>
        `| ${name} | ${preset} | **${m.performance}** (${scores.join(", ")}) | ${m.accessibility} | ${m.bestPractices} | ${seconds(m.fcpMs)} | ${seconds(m.lcpMs)} | ${Math.round(m.tbtMs)} ms | ${m.cls.toFixed(3)} | ${seconds(m.speedIndexMs)} | ${Math.round(m.transferKiB)} KiB |`,
    ),
    "",
  ];
  replaceDocSection(HEADING, lines.join("\n"));
}

async function main() {
  const { baseUrl, server } = await startBenchServer();
  const reference = await startReferencePage(PORT + 1).catch((error) => {
    server?.process.kill("SIGTERM");
    throw error;
  });
  const scratch = mkdtempSync(path.join(os.tmpdir(), "bench-ui-"));
  const load = { start: loadAverage(), end: 0, max: loadAverage() };
  try {
    // One visit each first, so that the first measured run does not pay for the server's cold caches.
    const list = [
      { name: REFERENCE, url: `${reference.url}/` },
      ...(await pages(baseUrl)).map((page) => ({ name: page.name, url: `${baseUrl}${page.path}` })),
    ];
    for (const page of list) await fetch(page.url).then((res) => res.text());
    const rows: Array<{ name: string; preset: Preset; median: Measurement; scores: number[] }> = [];
    for (const page of list) {
      for (const preset of presets) {
        const runs: Measurement[] = [];
        for (let i = 0; i < RUNS; i++) {
          runs.push(measure(page.url, preset, scratch));
          load.max = Math.max(load.max, loadAverage());
        }
        const row = {
          name: page.name,
          preset,
          median: medianOf(runs),
          scores: runs.map((r) => r.performance),
        };
        rows.push(row);
        const m = row.median;
        console.log(
          `${page.name.padEnd(24)} ${preset.padEnd(7)} performance ${m.performance} (${row.scores.join(", ")}) ` +
            `a11y ${m.accessibility} bp ${m.bestPractices} LCP ${seconds(m.lcpMs)} TBT ${Math.round(m.tbtMs)} ms ` +
            `CLS ${m.cls.toFixed(3)} load ${loadAverage().toFixed(1)}`,
        );
      }
    }
    load.end = loadAverage();
    writeSection(rows, load);
    console.log(`\nWrote "${HEADING}" in docs/benchmarks.md.`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    reference.process.kill("SIGTERM");
    server?.process.kill("SIGTERM");
  }
}

await main();
