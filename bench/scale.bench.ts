// `npm run bench -- scale`: the scale issue's table (issue 10), measured through the production server the way
// a marketer meets it, beside the same answer by hand (direct SQL, psql's \copy), in one run:
// - PostgreSQL: SCALE_USERS (1,000,000) generated users in a database of its own (SCALE_DATABASE, default
//   bench_scale, dropped at the end unless SCALE_KEEP=1), a segment of about 296,000 members filled by a
//   criteria refresh;
// - PGlite: SCALE_PGLITE_USERS (100,000) in a fresh data folder, server side only (the embedded database
//   has one connection, held by the server).
// SCALE_SAMPLES requests per row (p95 reported), SCALE_PORT, SCALE_DATABASES (postgres,pglite).
// The table is written into docs/benchmarks.md between the `scale` markers.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDb, getDb } from "@/db/client";
import { encodeMemberCursor } from "@/lib/members/member-cursor";
import { buildIfNeeded } from "../scripts/build-if-needed.mjs";
import { api, type RunningServer, startServer, waitUntilHealthy } from "../tests/server/production-server";
import { refreshCase } from "./criteria-cases";
import { benchConfig, benchDatabaseUrl, ensureUsers, openBenchDatabase } from "./support/database";
import { median, percentile, timed } from "./support/stats";

const pgUsers = Number(process.env.SCALE_USERS ?? 1_000_000);
const pgliteUsers = Number(process.env.SCALE_PGLITE_USERS ?? 100_000);
const samples = Number(process.env.SCALE_SAMPLES ?? 20);
const port = Number(process.env.SCALE_PORT ?? 3203);
const databases = (process.env.SCALE_DATABASES ?? "postgres,pglite").split(",");
const database = process.env.SCALE_DATABASE ?? "bench_scale";
const root = path.resolve(import.meta.dirname, "..");

interface Row {
  what: string;
  server: string;
  hand?: string;
  ratio?: string;
}

const fmt = (value: number) =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** p95 (and median) of `samples` sequential runs after one warm-up. */
async function p95(work: () => Promise<unknown>, count = samples) {
  await work();
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push((await timed(work)).ms);
  return { p95: percentile(times, 95), median: median(times) };
}

/**
 * fetch, once more when the server had closed the kept-alive socket just as it was reused (Node's server
 * closes idle sockets after 5 s; the export's \copy in between leaves them idle that long).
 */
async function fetchAgain(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
    return fetch(url);
  }
}

async function get(server: RunningServer, pathname: string): Promise<unknown> {
  const res = await fetchAgain(`${server.url}${pathname}`);
  if (res.status !== 200) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Creates a manual segment with the refresh case's criteria and fills it from them (one statement). */
async function filledSegment(server: RunningServer, name: string) {
  const created = await api<{ id: string }>(server, "POST", "/api/v1/segments", {
    segment_name: `${name} ${Date.now()}`,
    criteria: refreshCase.criteria,
  });
  if (created.status !== 201) throw new Error(`segment: ${created.status}`);
  const segmentId = created.body.id;
  const refresh = await timed(() =>
    api<{ member_count: number }>(server, "POST", `/api/v1/segments/${segmentId}/refresh?async=false`),
  );
  if (refresh.result.status !== 200) throw new Error(`refresh: ${refresh.result.status}`);
  return { segmentId, refreshMs: refresh.ms, members: refresh.result.body.member_count };
}

/** The same request on the server's members list, p95. */
const membersP95 = (server: RunningServer, segmentId: string, query: string) =>
  p95(() => get(server, `/api/v1/segments/${segmentId}/members?${query}`));

async function downloadMs(server: RunningServer, segmentId: string) {
  return timed(async () => {
    const res = await fetchAgain(`${server.url}/api/v1/segments/${segmentId}/members/export`);
    if (res.status !== 200) throw new Error(`export: ${res.status}`);
    return (await res.arrayBuffer()).byteLength;
  });
}

async function catalogue(server: RunningServer) {
  const cold = await timed(() => get(server, "/api/v1/segments/criteria/fields"));
  const warm = await p95(() => get(server, "/api/v1/segments/criteria/fields"));
  return { cold: cold.ms, warm };
}

async function measurePostgres(): Promise<Row[]> {
  const db = await openBenchDatabase(database);
  const generated = await ensureUsers(db, pgUsers);
  console.log(
    `users: ${pgUsers} (${generated.generated ? `generated in ${generated.seconds.toFixed(0)} s` : "kept"})`,
  );
  await closeDb();
  const url = benchDatabaseUrl(database);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-scale-bench-"));
  const server = startServer({
    port,
    dataDir,
    // A refresh of 300k members in one statement is longer than an API request may take by default.
    env: { DATABASE_URL: url, STATEMENT_TIMEOUT_MS: "600000" },
  });
  const rows: Row[] = [];
  try {
    await waitUntilHealthy(server, 180_000);
    // Refresh: the product's one statement vs a hand-written INSERT … SELECT of the same rows (rolled back),
    // timed once before and once after it on analyzed tables, so that neither side alone pays for cold caches.
    const insertByHand = () =>
      timed(() =>
        sql
          .begin(async (tx) => {
            const [target] = await tx`insert into audience_segments (segment_name, criteria)
              values (${`hand ${Date.now()}`}, '{}'::jsonb) returning id`;
            await tx.unsafe(
              `insert into segment_members (segment_id, user_id, confidence_score, source)
               select $1::uuid, id, 1, 'criteria' from users
               where age between 18 and 65 and last_active_at >= now() - interval '24 days'`,
              [target.id],
            );
            throw new Error("rollback");
          })
          .catch((error: Error) => {
            if (error.message !== "rollback") throw error;
          }),
      );
    await sql`vacuum analyze users`;
    const handBefore = await insertByHand();
    const { segmentId, refreshMs, members } = await filledSegment(server, "Scale");
    await sql`vacuum analyze segment_members`;
    await sql`vacuum analyze segment_membership_events`;
    const handAfter = await insertByHand();
    const handInsert = { ms: (handBefore.ms + handAfter.ms) / 2 };
    console.log(
      `segment ${segmentId}: ${members} members; refresh ${fmt(refreshMs)}, hand ${fmt(handInsert.ms)}`,
    );

    const byHand = (query: string, params: unknown[]) => p95(() => sql.unsafe(query, params as never[]));
    const memberSelect = `select m.*, u.id as uid, u.email, u.external_id, u.name, u.age, u.location, u.gender,
      u.engagement_level from segment_members m join users u on u.id = m.user_id`;
    const first = await membersP95(server, segmentId, "limit=25");
    const firstHand = await byHand(
      `${memberSelect} where m.segment_id = $1 order by m.joined_at desc, m.user_id desc limit 26`,
      [segmentId],
    );
    rows.push(
      row(
        `members tab, first page (\`limit=25\`), ${members.toLocaleString("en")} members`,
        first,
        firstHand,
      ),
    );
    rows.push(
      row(
        "members sorted by email, first page",
        await membersP95(server, segmentId, "limit=25&sort=email"),
        await byHand(
          `${memberSelect} where m.segment_id = $1 and u.email is not null order by u.email limit 26`,
          [segmentId],
        ),
      ),
    );
    rows.push(
      row(
        "members sorted by confidence, first page",
        await membersP95(server, segmentId, "limit=25&sort=-confidence_score"),
        await byHand(
          `${memberSelect} where m.segment_id = $1 order by m.confidence_score desc, m.user_id desc limit 26`,
          [segmentId],
        ),
      ),
    );
    const deep = Math.min(200_000, Math.max(0, members - 30));
    const [at] = await sql`select to_char(joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as j,
        user_id from segment_members where segment_id = ${segmentId}
        order by joined_at desc, user_id desc offset ${deep - 1} limit 1`;
    const cursor = encodeMemberCursor({ sort: "-joined_at", value: at.j, user_id: at.user_id });
    const keysetHand = await byHand(
      `${memberSelect} where m.segment_id = $1 and (m.joined_at, m.user_id) < ($2::timestamptz, $3::uuid)
       order by m.joined_at desc, m.user_id desc limit 26`,
      [segmentId, at.j, at.user_id],
    );
    rows.push(
      row(
        `members, page at offset ${deep.toLocaleString("en")} (\`offset=\`)`,
        await membersP95(server, segmentId, `limit=25&offset=${deep}`),
        keysetHand,
      ),
    );
    rows.push(
      row(
        `members, the same page by \`cursor\``,
        await membersP95(server, segmentId, `limit=25&cursor=${cursor}`),
        keysetHand,
      ),
    );
    const searchTerm = "user4242";
    rows.push(
      row(
        `members search (\`search=${searchTerm}\`)`,
        await membersP95(server, segmentId, `limit=25&search=${searchTerm}`),
        await byHand(
          `${memberSelect} where m.segment_id = $1 and (u.email ilike $2 or u.name ilike $2)
           order by m.joined_at desc, m.user_id desc limit 26`,
          [segmentId, `%${searchTerm}%`],
        ),
      ),
    );
    // Export: the server's streamed CSV vs psql's \copy of the same columns (each best of two).
    const exports = [await downloadMs(server, segmentId), await downloadMs(server, segmentId)];
    const copyFile = path.join(dataDir, "copy.csv");
    const copyTimes: number[] = [];
    for (let i = 0; i < 2; i++) {
      copyTimes.push(
        (
          await timed(async () =>
            execFileSync("psql", [
              url,
              "-qc",
              `\\copy (select m.user_id, u.email, u.external_id, u.name, m.confidence_score, m.source, m.joined_at from segment_members m join users u on u.id = m.user_id where m.segment_id = '${segmentId}' order by m.joined_at, m.user_id) to '${copyFile}' csv header`,
            ]),
          )
        ).ms,
      );
    }
    const bestExport = Math.min(...exports.map((e) => e.ms));
    const bestCopy = Math.min(...copyTimes);
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
    rows.push({
      what: "CSV export of the segment (whole download)",
      server: `${mb(exports[0].result)} in ${fmt(bestExport)}`,
      hand: `\`\\copy … to csv\`: ${mb(readFileSync(copyFile).byteLength)} in ${fmt(bestCopy)}`,
      ratio: `${(bestExport / bestCopy).toFixed(2)}× (rate ${(bestCopy / bestExport).toFixed(2)}× of \\copy)`,
    });
    const fields = await catalogue(server);
    rows.push({
      what: "builder's field catalogue (`GET /segments/criteria/fields`)",
      server: `${fmt(fields.warm.p95)} (first visit after start: ${fmt(fields.cold)})`,
      hand: "",
      ratio: "",
    });
    rows.push({
      what: `full refresh, ${members.toLocaleString("en")} members (\`POST …/refresh?async=false\`)`,
      server: fmt(refreshMs),
      hand: `hand-written \`INSERT … SELECT\` ${fmt(handInsert.ms)} (mean of one before, one after)`,
      ratio: `${(refreshMs / handInsert.ms).toFixed(2)}×`,
    });
    return rows;
  } finally {
    server.process.kill("SIGTERM");
    await server.exited;
    await sql.end();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.SCALE_KEEP !== "1") {
      const admin = postgres(benchConfig.serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  }
}

function row(what: string, server: { p95: number }, hand: { p95: number }): Row {
  return {
    what,
    server: fmt(server.p95),
    hand: fmt(hand.p95),
    ratio: `${(server.p95 / hand.p95).toFixed(1)}×`,
  };
}

async function measurePglite(): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "as-scale-pglite-"));
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = dataDir;
  process.env.SEED_DEMO_DATA = "false";
  await closeDb();
  const generated = await ensureUsers(await getDb(), pgliteUsers);
  console.log(`PGlite users: ${pgliteUsers} generated in ${generated.seconds.toFixed(0)} s`);
  await closeDb();
  const server = startServer({ port, dataDir, env: { STATEMENT_TIMEOUT_MS: "600000" } });
  const rows: Row[] = [];
  try {
    await waitUntilHealthy(server, 180_000);
    const { segmentId, refreshMs, members } = await filledSegment(server, "Scale PGlite");
    const serverOnly = (what: string, value: { p95: number }) => rows.push({ what, server: fmt(value.p95) });
    serverOnly(
      `members tab, first page, ${members.toLocaleString("en")} members`,
      await membersP95(server, segmentId, "limit=25"),
    );
    serverOnly(
      "members sorted by email, first page",
      await membersP95(server, segmentId, "limit=25&sort=email"),
    );
    const page = (await get(
      server,
      `/api/v1/segments/${segmentId}/members?limit=25&offset=${Math.floor(members * 0.66)}`,
    )) as {
      next_cursor: string;
    };
    serverOnly(
      `members, page at offset ${Math.floor(members * 0.66).toLocaleString("en")} (\`offset=\`)`,
      await membersP95(server, segmentId, `limit=25&offset=${Math.floor(members * 0.66)}`),
    );
    serverOnly(
      "members, the next page by `cursor`",
      await membersP95(server, segmentId, `limit=25&cursor=${page.next_cursor}`),
    );
    serverOnly(
      "members search (`search=user4242`)",
      await membersP95(server, segmentId, "limit=25&search=user4242"),
    );
    const exported = await downloadMs(server, segmentId);
    rows.push({
      what: "CSV export (whole download)",
      server: `${(exported.result / 1e6).toFixed(1)} MB in ${fmt(exported.ms)}`,
    });
    const fields = await catalogue(server);
    rows.push({
      what: "field catalogue",
      server: `${fmt(fields.warm.p95)} (first visit after start: ${fmt(fields.cold)})`,
    });
    rows.push({ what: `full refresh, ${members.toLocaleString("en")} members`, server: fmt(refreshMs) });
    return rows;
  } finally {
    server.process.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function table(rows: Row[], withHand: boolean): string {
  const head = withHand
    ? "| what | production server, p95 | the same by hand, p95 | ratio |\n| --- | ---: | ---: | ---: |"
    : "| what | production server, p95 |\n| --- | ---: |";
  return [
    head,
    ...rows.map((r) =>
      withHand
        ? `| ${r.what} | ${r.server} | ${r.hand ?? ""} | ${r.ratio ?? ""} |`
        : `| ${r.what} | ${r.server} |`,
    ),
  ].join("\n");
}

async function main() {
  buildIfNeeded();
  const load = os.loadavg()[0].toFixed(1);
  const started = new Date().toISOString().slice(0, 16).replace("T", " ");
  const sections: string[] = [];
  if (databases.includes("postgres")) {
    const rows = await measurePostgres();
    sections.push(`### PostgreSQL ${pgUsers.toLocaleString("en")} users\n\n${table(rows, true)}`);
    console.log(sections.at(-1));
  }
  if (databases.includes("pglite")) {
    const rows = await measurePglite();
    sections.push(
      `### PGlite (embedded), ${pgliteUsers.toLocaleString("en")} users\n\n${table(rows, false)}`,
    );
    console.log(sections.at(-1));
  }
  const block = [
    "<!-- scale:begin (written by `npm run bench -- scale`) -->",
    `Run ${started} UTC, load average ${load} at the start (a shared 2-core machine), ${samples} sequential requests per row after one warm-up.`,
    "",
    sections.join("\n\n"),
    "<!-- scale:end -->",
  ].join("\n");
  const file = path.join(root, "docs", "benchmarks.md");
  const text = readFileSync(file, "utf8");
  const pattern = /<!-- scale:begin[\s\S]*?<!-- scale:end -->/;
  writeFileSync(file, pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
