// Delivery on a real PostgreSQL: event ingestion through the route handler against a hand-written
// `INSERT … SELECT FROM unnest(…)` of the same rows, and decide for one user (1,000,000 users, 50 active
// segments with content, the user in 10 of them) in-process and over HTTP against the production server,
// next to `GET /api/v1/segments/health` in the same run. Results go to docs/benchmarks.md ("## Delivery").
// Run: `npm run bench -- delivery`. Variables: see docs/benchmarks.md.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import * as decideRoute from "@/app/api/v1/decide/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import { closeDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { deliverySnapshotQuery } from "@/lib/delivery/queries";
import { benchConfig, benchDatabaseUrl, ensureUsers, openBenchDatabase } from "./support/database";
import { replaceDocSection } from "./support/doc-section";
import { median, percentile, timed } from "./support/stats";

const DATABASE = process.env.BENCH_DELIVERY_DATABASE ?? "bench_delivery";
const SEGMENTS = 50;
const SEGMENTS_PER_USER = 10;
/** Users who are members: each of them is in exactly 10 of the 50 segments. */
const MEMBERS = 100_000;
const DECIDE_RUNS = Number(process.env.BENCH_DECIDE_RUNS ?? 300);
const PORT = Number(process.env.BENCH_PORT ?? 3230);
const HEADING = "## Delivery";

const root = process.cwd();
const db = await openBenchDatabase(DATABASE);
const log = (line = "") => console.log(line);
const report: string[] = [];
const out = (line = "") => {
  log(line);
  report.push(line);
};

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const noParams = { params: Promise.resolve({}) };

async function callRoute(handler: Handler, url: string, body?: unknown): Promise<Response> {
  const req = new Request(`http://localhost${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, noParams);
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res;
}

/** 50 active segments with 3 arms each (weights 1, 1, 2); member g (1 … 100,000) is in the 10 segments k ≡ g mod 5. */
async function prepareSegments(): Promise<{ segmentIds: string[]; armIds: string[] }> {
  const started = performance.now();
  await db.execute(sql`truncate events`);
  const [existing] = await queryRows<{ segments: number; members: number }>(
    db,
    sql`select count(distinct s.id)::int as segments, count(m.user_id)::int as members
      from audience_segments s left join segment_members m on m.segment_id = s.id
      where s.segment_name like 'Delivery bench %'`,
  );
  if (existing.segments === SEGMENTS && existing.members === MEMBERS * SEGMENTS_PER_USER) {
    // Same fixture as a previous run: only the exposures and splits it left are removed.
    await db.execute(sql`delete from experiment_assignments`);
    await db.execute(sql`delete from experiment_allocations`);
    const segments = await queryRows<{ id: string }>(
      db,
      sql`select id::text as id from audience_segments where segment_name like 'Delivery bench %'`,
    );
    const arms = await queryRows<{ id: string }>(
      db,
      sql`select pc.id::text as id from personalized_content pc
        join audience_segments s on s.id = pc.segment_id where s.segment_name like 'Delivery bench %'`,
    );
    await db.execute(sql`vacuum analyze experiment_assignments`);
    return { segmentIds: segments.map((s) => s.id), armIds: arms.map((a) => a.id) };
  }
  await db.execute(sql`delete from audience_segments where segment_name like 'Delivery bench %'`);
  await db.execute(sql`delete from content where title like 'Delivery bench %'`);
  const segments = await queryRows<{ id: string; k: number }>(
    db,
    sql`insert into audience_segments (segment_name, criteria, status, priority)
      select 'Delivery bench ' || lpad(k::text, 2, '0'), '{}', 'active', k % 7
      from generate_series(0, ${SEGMENTS - 1}::int) k
      returning id::text as id, right(segment_name, 2)::int as k`,
  );
  const arms = await queryRows<{ id: string }>(
    db,
    sql`with c as (
        insert into content (title, body, content_type)
        select 'Delivery bench ' || s.id || ' ' || a, 'Body of arm ' || a, 'article'
        from audience_segments s cross join generate_series(0, 2) a
        where s.segment_name like 'Delivery bench %'
        returning id, title
      )
      insert into personalized_content (content_id, segment_id, variant_id, is_control, traffic_weight)
      select c.id, split_part(c.title, ' ', 3)::uuid, 'arm_' || split_part(c.title, ' ', 4),
        split_part(c.title, ' ', 4) = '0', case split_part(c.title, ' ', 4) when '2' then 2 else 1 end
      from c
      returning id::text as id`,
  );
  await db.execute(sql`
    insert into segment_members (segment_id, user_id, confidence_score, source)
    select s.id, u.id, round(random()::numeric, 2), 'manual'
    from users u
    join audience_segments s on s.segment_name like 'Delivery bench %'
      and right(s.segment_name, 2)::int % 5 = substring(u.external_id from 5)::int % 5
    where u.external_id like 'ext-%' and substring(u.external_id from 5)::int <= ${MEMBERS}::int`);
  await db.execute(sql`vacuum analyze segment_members`);
  await db.execute(sql`analyze audience_segments`);
  await db.execute(sql`analyze personalized_content`);
  await db.execute(sql`analyze experiment_assignments`);
  log(
    `Prepared ${SEGMENTS} segments, ${arms.length} arms, members in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { segmentIds: segments.map((s) => s.id), armIds: arms.map((a) => a.id) };
}

/** Member ids in a fixed order (g = 1, 2, …): each in exactly 10 segments. */
async function memberIds(count: number, offset: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from users
      where external_id in (select 'ext-' || g from generate_series(${offset + 1}::int, ${offset + count}::int) g)
      order by substring(external_id from 5)::int`,
  );
  return rows.map((row) => row.id);
}

/** `count` user ids evenly spread over the generated population (ext-k, ext-2k, …). */
async function spreadUserIds(count: number): Promise<string[]> {
  const step = Math.floor(benchConfig.users / count);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from users
      where external_id in (select 'ext-' || (g * ${step}::int) from generate_series(1, ${count}::int) g)`,
  );
  return rows.map((row) => row.id);
}

// ---------------------------------------------------------------------------------------------- ingestion

interface BenchEvent {
  event_id: string;
  user_id: string;
  name: string;
  personalized_content_id?: string;
  occurred_at: string;
  properties: Record<string, unknown>;
  value?: number;
}

let eventSerial = 0;
/** Where the next batch starts in the users: batches move through all of them, not the first `size` again. */
let nextUser = 0;
function makeEvents(size: number, users: string[], armIds: string[]): BenchEvent[] {
  const run = `${Date.now().toString(36)}-${eventSerial++}`;
  const first = nextUser;
  nextUser = (nextUser + size) % users.length;
  const now = new Date().toISOString();
  return Array.from({ length: size }, (_, i) => {
    const content = i % 2 === 0;
    return {
      event_id: `bench-${run}-${i}`,
      user_id: users[(first + i) % users.length],
      name: content ? (i % 10 === 0 ? "content_conversion" : "content_view") : "page.view",
      ...(content ? { personalized_content_id: armIds[i % armIds.length] } : {}),
      occurred_at: now,
      properties: content ? {} : { path: `/products/${i % 97}`, referrer: "newsletter" },
      ...(i % 10 === 0 ? { value: 19.9 } : {}),
    };
  });
}

async function benchIngestion(armIds: string[]) {
  // 5,000 users spread over the table (every 200th of the million), as the visitors of one busy minute
  // are: consecutive sign-ups would share pages of the users table, which real traffic rarely does.
  const users = await spreadUserIds(5_000);
  const client = postgres(benchDatabaseUrl(DATABASE), { max: 1, onnotice: () => {} });
  const handWritten = async (events: BenchEvent[]) => {
    await client`insert into events (event_id, user_id, name, personalized_content_id, occurred_at, properties, value)
      select e, u, n, p, o, pr::jsonb, v
      from unnest(${events.map((e) => e.event_id) as string[]}::text[],
        ${events.map((e) => e.user_id) as string[]}::uuid[],
        ${events.map((e) => e.name) as string[]}::text[],
        ${events.map((e) => e.personalized_content_id ?? null) as string[]}::uuid[],
        ${events.map((e) => e.occurred_at) as string[]}::timestamptz[],
        ${events.map((e) => JSON.stringify(e.properties)) as string[]}::text[],
        ${events.map((e) => (e.value ?? null) as unknown as string)}::float8[]) as t(e, u, n, p, o, pr, v)`;
  };
  const throughRoute = async (events: BenchEvent[]) => {
    const res = await callRoute(eventsRoute.POST as Handler, "/api/v1/events", { events });
    const body = (await res.json()) as { accepted: number };
    if (body.accepted !== events.length) throw new Error(`accepted ${body.accepted} of ${events.length}`);
  };
  out(
    "### Event ingestion: `POST /api/v1/events` vs a hand-written `INSERT … SELECT FROM unnest(…)` — goal ≥ 0.5×",
  );
  out("");
  out("Batches alternate between the two (after one warm-up each), every batch with fresh event_ids: half");
  out(
    "`content_view`/`content_conversion` on the 150 arms (which the route also adds to the counters, history and",
  );
  out("daily rows), half `page.view` with properties. The hand-written insert stores the rows only.");
  out("");
  out("| batch | runs | route handler | hand-written insert | route / hand-written rate |");
  out("| ---: | ---: | ---: | ---: | ---: |");
  for (const [size, runs] of [
    [100, Number(process.env.BENCH_INGEST_RUNS_SMALL ?? 40)],
    [10_000, Number(process.env.BENCH_INGEST_RUNS_LARGE ?? 5)],
  ]) {
    await throughRoute(makeEvents(size, users, armIds));
    await handWritten(makeEvents(size, users, armIds));
    const times = { route: [] as number[], hand: [] as number[] };
    for (let run = 0; run < runs; run++) {
      const a = makeEvents(size, users, armIds);
      const b = makeEvents(size, users, armIds);
      times.route.push((await timed(() => throughRoute(a))).ms);
      times.hand.push((await timed(() => handWritten(b))).ms);
    }
    const rate = (ms: number) => Math.round((size / ms) * 1000);
    const [route, hand] = [median(times.route), median(times.hand)];
    out(
      `| ${size.toLocaleString("en-US")} | ${runs} | ${rate(route).toLocaleString("en-US")} events/s (${route.toFixed(1)} ms) | ${rate(hand).toLocaleString("en-US")} events/s (${hand.toFixed(1)} ms) | **${(hand / route).toFixed(2)}×** |`,
    );
  }
  out("");
  await client.end();
}

// ------------------------------------------------------------------------------------------------- decide

const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
const fmt = (value: number) => `${value.toFixed(2)} ms`;

async function checkDecision(res: Response) {
  const body = (await res.json()) as { segments: unknown[]; decisions: unknown[] };
  if (body.segments.length !== SEGMENTS_PER_USER || body.decisions.length !== SEGMENTS_PER_USER) {
    throw new Error(
      `expected ${SEGMENTS_PER_USER} segments and decisions, got ${JSON.stringify(body).slice(0, 200)}`,
    );
  }
}

async function benchDecideInProcess() {
  const users = await memberIds(DECIDE_RUNS + 20, 10_000);
  const decide = (userId: string) =>
    callRoute(decideRoute.POST as Handler, "/api/v1/decide", { user_id: userId }).then(checkDecision);
  for (const user of users.slice(0, 20)) await decide(user);
  const measured = users.slice(20);
  const first: number[] = [];
  for (const user of measured) first.push((await timed(() => decide(user))).ms);
  const again: number[] = [];
  for (const user of measured) again.push((await timed(() => decide(user))).ms);
  const preview: number[] = [];
  for (const user of measured)
    preview.push(
      (
        await timed(() =>
          callRoute(decideRoute.POST as Handler, "/api/v1/decide", {
            user_id: user,
            record_exposure: false,
          }).then(checkDecision),
        )
      ).ms,
    );
  const roundTrip: number[] = [];
  for (let i = 0; i < measured.length; i++) roundTrip.push((await timed(() => db.execute(sql`select 1`))).ms);
  const [a, b, c, base] = [stats(first), stats(again), stats(preview), stats(roundTrip)];
  // What the database itself spends on the read, without the client's queueing for a CPU.
  const server = { planning: [] as number[], execution: [] as number[] };
  for (const user of measured.slice(0, 50)) {
    const [plan] = await queryRows<{ "QUERY PLAN": [{ "Planning Time": number; "Execution Time": number }] }>(
      db,
      sql`explain (analyze, format json) ${deliverySnapshotQuery([{ i: 0, user_id: user }], undefined)}`,
    );
    server.planning.push(plan["QUERY PLAN"][0]["Planning Time"]);
    server.execution.push(plan["QUERY PLAN"][0]["Execution Time"]);
  }
  out("### Decide for one user, in-process — goal p95 < 10 ms");
  out("");
  out(
    `The route handler called in-process (parsing, service, SQL, JSON), ${measured.length} different users, each a`,
  );
  out(
    `member of ${SEGMENTS_PER_USER} of the ${SEGMENTS} active segments (3 arms each), among ${benchConfig.users.toLocaleString("en-US")} users.`,
  );
  out("");
  out("| decision | p50 | p95 |");
  out("| --- | ---: | ---: |");
  out(`| first exposure (10 assignments written) | ${fmt(a.p50)} | **${fmt(a.p95)}** |`);
  out(`| repeat (sticky, read only) | ${fmt(b.p50)} | **${fmt(b.p95)}** |`);
  out(`| preview (\`record_exposure: false\`) | ${fmt(c.p50)} | **${fmt(c.p95)}** |`);
  out(`| for scale: \`select 1\` through the same connection pool | ${fmt(base.p50)} | ${fmt(base.p95)} |`);
  out("");
  out(
    `Inside the database (EXPLAIN ANALYZE of decide's one read, 50 users): planning p50 ${fmt(median(server.planning))}, ` +
      `execution p50 ${fmt(median(server.execution))}, p95 ${fmt(percentile(server.execution, 95))}. Decide runs the read as a prepared ` +
      "statement, so its planning is paid once per connection.",
  );
  out("");
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${url}/api/v1/segments/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start within 2 minutes");
}

/** The production server (`next start`) on the benchmark database, or the given BENCH_BASE_URL. */
async function startServer(): Promise<{ url: string; kind: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_BASE_URL) {
    return {
      url: process.env.BENCH_BASE_URL,
      kind: `the server at ${process.env.BENCH_BASE_URL}`,
      stop: async () => {},
    };
  }
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error(
      "No production build: run `npx next build` first, or set BENCH_BASE_URL to a running server.",
    );
  }
  const server = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)],
    {
      cwd: root,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: benchDatabaseUrl(DATABASE),
        SEED_DEMO_DATA: "false",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
      },
    },
  );
  const url = `http://127.0.0.1:${PORT}`;
  await waitForServer(url, server);
  return {
    url,
    kind: `the production server (\`next start\`, port ${PORT})`,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    },
  };
}

async function benchDecideOverHttp() {
  const server = await startServer();
  try {
    const users = await memberIds(DECIDE_RUNS + 20, 20_000);
    const decide = async (userId: string) => {
      const res = await fetch(`${server.url}/api/v1/decide`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user_id: userId }),
      });
      if (res.status !== 200) throw new Error(`decide: ${res.status} ${await res.text()}`);
      await checkDecision(res);
    };
    const health = async () => {
      const res = await fetch(`${server.url}/api/v1/segments/health`);
      if (res.status !== 200) throw new Error(`health: ${res.status}`);
      await res.arrayBuffer();
    };
    for (const user of users.slice(0, 20)) {
      await decide(user);
      await health();
    }
    const times = { decide: [] as number[], health: [] as number[], again: [] as number[] };
    for (const user of users.slice(20)) {
      times.decide.push((await timed(() => decide(user))).ms);
      times.health.push((await timed(health)).ms);
    }
    for (const user of users.slice(20)) times.again.push((await timed(() => decide(user))).ms);
    const [d, h, r] = [stats(times.decide), stats(times.health), stats(times.again)];
    out("### Decide over HTTP vs `GET /api/v1/segments/health` — goal ≤ 3×");
    out("");
    out(
      `Against ${server.kind} on the same database, decide (first exposure) and health alternating, ${times.decide.length}`,
    );
    out("requests each, then the same users again (sticky).");
    out("");
    out("| request | p50 | p95 | decide / health (p50) | decide / health (p95) |");
    out("| --- | ---: | ---: | ---: | ---: |");
    out(`| \`GET /api/v1/segments/health\` | ${fmt(h.p50)} | ${fmt(h.p95)} | | |`);
    out(
      `| \`POST /api/v1/decide\`, first exposure | ${fmt(d.p50)} | ${fmt(d.p95)} | **${(d.p50 / h.p50).toFixed(2)}×** | **${(d.p95 / h.p95).toFixed(2)}×** |`,
    );
    out(
      `| \`POST /api/v1/decide\`, repeat (sticky) | ${fmt(r.p50)} | ${fmt(r.p95)} | **${(r.p50 / h.p50).toFixed(2)}×** | **${(r.p95 / h.p95).toFixed(2)}×** |`,
    );
    out("");
  } finally {
    await server.stop();
  }
}

async function describeMachine(): Promise<string> {
  const [pg] = await queryRows<{ server_version: string }>(db, sql`show server_version`);
  const cpu = os.cpus()[0]?.model.trim() ?? "CPU";
  return `${os.cpus().length} × ${cpu}, PostgreSQL ${pg.server_version.split(" ")[0]}, Node ${process.version}`;
}

function writeSection(lines: string[], machine: string, load: number[]): void {
  const section = [
    HEADING,
    "",
    `\`npm run bench -- delivery\` (\`bench/delivery.bench.ts\`), ${new Date().toISOString().slice(0, 10)}, on ${machine};`,
    `load average ${load.map((l) => l.toFixed(1)).join(" / ")} (start / end): other engineers' builds and tests shared the two CPUs, so`,
    "absolute times are inflated; the ratios, measured in the same run and alternating, are what to compare.",
    `Database \`${DATABASE}\`: ${benchConfig.users.toLocaleString("en-US")} generated users; ${SEGMENTS} active segments with 3 arms each`,
    `(weights 1, 1, 2); ${MEMBERS.toLocaleString("en-US")} members, each in ${SEGMENTS_PER_USER} segments.`,
    "",
    ...lines,
  ].join("\n");
  replaceDocSection(HEADING, section);
}

const sections = (process.env.BENCH_SECTIONS ?? "ingest,decide,http").split(",");
const loadAtStart = os.loadavg()[0];
try {
  const users = await ensureUsers(db, benchConfig.users);
  if (users.generated) log(`Generated ${benchConfig.users} users in ${users.seconds.toFixed(1)} s`);
  const { armIds } = await prepareSegments();
  const machine = await describeMachine();
  if (sections.includes("ingest")) await benchIngestion(armIds);
  if (sections.includes("decide")) await benchDecideInProcess();
  if (sections.includes("http")) await benchDecideOverHttp();
  if (process.env.BENCH_WRITE_DOC !== "false") writeSection(report, machine, [loadAtStart, os.loadavg()[0]]);
} finally {
  await closeDb();
}
