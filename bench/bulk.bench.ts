import os from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import * as membersRoute from "@/app/api/v1/segments/[segmentId]/members/route";
import * as usersBulkRoute from "@/app/api/v1/users/bulk/route";
import { closeDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { benchConfig, benchDatabaseUrl, ensureUsers, openBenchDatabase } from "./support/database";
import { replaceDocSection } from "./support/doc-section";
import { median, timed } from "./support/stats";

const RUNS = Number(process.env.BENCH_BULK_RUNS ?? 7);
const SIZE = Number(process.env.BENCH_BULK_SIZE ?? 10_000);
const HEADING = "## Bulk writes";
const SEGMENT_NAME = "Bulk bench members";

const db = await openBenchDatabase();
const client = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
const report: string[] = [];
const out = (line = "") => {
  console.log(line);
  report.push(line);
};

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A prepared request: its body already encoded, as a server receives it off the socket. */
interface RouteCall {
  url: string;
  params: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

function routeCall(url: string, params: Record<string, string>, body: unknown): RouteCall {
  return { url, params, body: new TextEncoder().encode(JSON.stringify(body)) };
}

/** The handler's whole work: the Request read, the answer produced and its body read to the last byte. */
async function callRoute(handler: Handler, call: RouteCall): Promise<{ status: number; body: ArrayBuffer }> {
  const req = new Request(`http://localhost${call.url}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: call.body,
  });
  const res = await handler(req, { params: Promise.resolve(call.params) });
  return { status: res.status, body: await res.arrayBuffer() };
}

/** The answer, parsed outside the clock (reading 10,000 profiles is the client's work, not the route's). */
function answer(result: { status: number; body: ArrayBuffer }): Record<string, unknown> {
  const text = new TextDecoder().decode(result.body);
  if (result.status !== 200 && result.status !== 201)
    throw new Error(`${result.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

interface Timings {
  route: number[];
  hand: number[];
}

interface Side<Prepared, Result> {
  /** Builds repetition i's input, outside the clock. */
  prepare: (repetition: number) => Promise<Prepared>;
  run: (prepared: Prepared) => Promise<Result>;
  /** Checks the result, outside the clock. */
  check: (result: Result) => void;
}

/**
 * Runs the two sides alternately (which goes first alternates too), after one warm-up each, every time on
 * fresh rows; `cleanup` removes what a repetition wrote, outside the clock, so that every repetition writes
 * the same number of new rows into the same tables.
 */
async function alternate<RP, RR, HP, HR>(
  route: Side<RP, RR>,
  hand: Side<HP, HR>,
  cleanup: () => Promise<void>,
): Promise<Timings> {
  const times: Timings = { route: [], hand: [] };
  const measure = async <P, R>(side: Side<P, R>, repetition: number) => {
    const prepared = await side.prepare(repetition);
    const { ms, result } = await timed(() => side.run(prepared));
    side.check(result);
    await cleanup();
    return ms;
  };
  for (let repetition = 0; repetition <= RUNS; repetition++) {
    const routeFirst = repetition % 2 === 0;
    const first = routeFirst ? await measure(route, repetition) : await measure(hand, repetition);
    const second = routeFirst ? await measure(hand, repetition) : await measure(route, repetition);
    if (repetition === 0) continue;
    times.route.push(routeFirst ? first : second);
    times.hand.push(routeFirst ? second : first);
  }
  return times;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

function row(what: string, times: Timings): string {
  const [route, hand] = [median(times.route), median(times.hand)];
  console.error(
    `${what}: route ${times.route.map(fmt).join(", ")}; hand-written ${times.hand.map(fmt).join(", ")}`,
  );
  const rate = (ms: number) => Math.round((SIZE / ms) * 1000).toLocaleString("en-US");
  return `| ${what} | ${RUNS} | ${fmt(route)} (${rate(route)} rows/s) | ${fmt(hand)} (${rate(hand)} rows/s) | **${(hand / route).toFixed(2)}×** |`;
}

// ------------------------------------------------------------------------------------------------ members

async function memberSegment(): Promise<string> {
  await db.execute(sql`delete from audience_segments where segment_name = ${SEGMENT_NAME}`);
  const [segment] = await queryRows<{ id: string }>(
    db,
    sql`insert into audience_segments (segment_name, criteria, status, membership_mode)
      values (${SEGMENT_NAME}, '{}', 'active', 'manual') returning id::text as id`,
  );
  return segment.id;
}

/**
 * Repetition i's users for one side: 10,000 of the generated users (ext-k), a different slice for every side
 * and repetition, spread over the table (every 100th at 1,000,000) as the users a marketer picks are.
 */
async function memberSlice(side: "route" | "hand", repetition: number) {
  const slice = repetition * 2 + (side === "route" ? 0 : 1);
  const stride = Math.floor(benchConfig.users / SIZE);
  return queryRows<{ id: string; email: string }>(
    db,
    sql`select id::text as id, email from users
      where external_id in (select 'ext-' || (g * ${stride}::int - ${slice}::int)
        from generate_series(1, ${SIZE}::int) g)`,
  );
}

async function benchMembers() {
  const segmentId = await memberSegment();
  const cleanup = async () => {
    await db.execute(sql`delete from segment_members where segment_id = ${segmentId}::uuid`);
    await db.execute(sql`delete from segment_membership_events where segment_id = ${segmentId}::uuid`);
    await db.execute(sql`update audience_segments set member_count = 0 where id = ${segmentId}::uuid`);
  };
  const url = `/api/v1/segments/${segmentId}/members`;
  const added = (result: { status: number; body: ArrayBuffer }) => {
    const body = answer(result) as { added: number; member_count: number };
    if (body.added !== SIZE || body.member_count !== SIZE) throw new Error(`added ${body.added} of ${SIZE}`);
  };
  const counted = (rows: readonly { member_count: number }[]) => {
    if (rows[0]?.member_count !== SIZE) throw new Error(`member_count ${rows[0]?.member_count}, not ${SIZE}`);
  };
  // The same writes as the route: the memberships, one join event each and member_count, in one statement.
  const byIds = (ids: string[]) => client<{ member_count: number }[]>`
    with inserted as (
      insert into segment_members (segment_id, user_id, confidence_score, source)
      select ${segmentId}::uuid, u, 1.0, 'manual' from unnest(${ids}::uuid[]) u
      on conflict (segment_id, user_id) do nothing
      returning user_id
    ), joined as (
      insert into segment_membership_events (segment_id, user_id, event, source)
      select ${segmentId}::uuid, user_id, 'join', 'manual' from inserted
    )
    update audience_segments set member_count = member_count + (select count(*) from inserted)
    where id = ${segmentId}::uuid
    returning member_count`;
  const byEmails = (emails: string[]) => client<{ member_count: number }[]>`
    with inserted as (
      insert into segment_members (segment_id, user_id, confidence_score, source)
      select ${segmentId}::uuid, u.id, 1.0, 'manual' from unnest(${emails}::text[]) e join users u on u.email = e
      on conflict (segment_id, user_id) do nothing
      returning user_id
    ), joined as (
      insert into segment_membership_events (segment_id, user_id, event, source)
      select ${segmentId}::uuid, user_id, 'join', 'manual' from inserted
    )
    update audience_segments set member_count = member_count + (select count(*) from inserted)
    where id = ${segmentId}::uuid
    returning member_count`;
  const sides = (key: "id" | "email", field: "user_ids" | "emails", hand: typeof byIds) =>
    [
      {
        prepare: async (repetition: number) =>
          routeCall(
            url,
            { segmentId },
            { [field]: (await memberSlice("route", repetition)).map((u) => u[key]) },
          ),
        run: (call: RouteCall) => callRoute(membersRoute.POST as Handler, call),
        check: added,
      },
      {
        prepare: async (repetition: number) => (await memberSlice("hand", repetition)).map((u) => u[key]),
        run: hand,
        check: counted,
      },
    ] as const;
  await cleanup();
  const ids = await alternate(...sides("id", "user_ids", byIds), cleanup);
  const emails = await alternate(...sides("email", "emails", byEmails), cleanup);
  await db.execute(sql`delete from audience_segments where id = ${segmentId}::uuid`);
  return { ids, emails };
}

// -------------------------------------------------------------------------------------------------- users

interface Profile {
  external_id: string;
  email: string;
  name: string;
  age: number;
  location: string;
  gender: string;
  interests: string[];
  purchase_count: number;
  total_spent: number;
  engagement_level: string;
  engagement_frequency: string;
  avg_session_duration: number;
  last_active_at: string;
  interaction_score: number;
  content_preferences: string[];
  traits: Record<string, unknown>;
}

const tagPool = [
  "fitness",
  "wellness",
  "technology",
  "gadgets",
  "travel",
  "music",
  "gaming",
  "finance",
  "food",
];
let batchSerial = 0;

/** 10,000 full profiles with identifiers no one has (a run tag), as an import from another system sends. */
function profiles(): Profile[] {
  const run = `${Date.now().toString(36)}${(batchSerial++).toString(36)}`;
  const now = new Date().toISOString();
  return Array.from({ length: SIZE }, (_, i) => ({
    external_id: `bulk-${run}-${i}`,
    email: `bulk-${run}-${i}@import.test`,
    name: `Imported ${i}`,
    age: 18 + (i % 60),
    location: ["US", "GB", "DE", "FR", "IN"][i % 5],
    gender: ["female", "male", "non-binary"][i % 3],
    interests: [tagPool[i % 9], tagPool[(i * 7) % 9]].filter((t, k, all) => all.indexOf(t) === k),
    purchase_count: i % 17,
    total_spent: Math.round((i % 17) * 23.45 * 100) / 100,
    engagement_level: ["low", "medium", "high"][i % 3],
    engagement_frequency: ["daily", "weekly", "monthly", "rarely"][i % 4],
    avg_session_duration: (i * 13) % 900,
    last_active_at: now,
    interaction_score: (i % 1000) / 1000,
    content_preferences: [["videos"], ["articles", "podcasts"], []][i % 3],
    traits: { plan: ["free", "pro", "team"][i % 3], vip: i % 20 === 0 },
  }));
}

/** A text[] literal of plain tags (the generator's tags need no quoting beyond this). */
const arrayLiteral = (values: string[]) =>
  `{${values.map((v) => `"${v.replaceAll(/["\\]/g, "\\$&")}"`).join(",")}}`;

async function benchUsers() {
  const cleanup = async () => {
    await db.execute(sql`delete from users where external_id like 'bulk-%'`);
  };
  // The same rows as the route stores (it normalises and validates first; these values are already in their
  // stored form), one INSERT … SELECT FROM unnest(…) with the ids PostgreSQL draws, answering the ids.
  // The same rows as the route stores (it normalises and validates first; these values are already in their
  // stored form), one INSERT … SELECT FROM unnest(…) with the ids PostgreSQL draws, answering the ids.
  const columns = (batch: Profile[]) => ({
    external_id: batch.map((p) => p.external_id),
    email: batch.map((p) => p.email),
    name: batch.map((p) => p.name),
    age: batch.map((p) => p.age),
    location: batch.map((p) => p.location),
    gender: batch.map((p) => p.gender),
    interests: batch.map((p) => arrayLiteral(p.interests)),
    purchase_count: batch.map((p) => p.purchase_count),
    total_spent: batch.map((p) => p.total_spent),
    engagement_level: batch.map((p) => p.engagement_level),
    engagement_frequency: batch.map((p) => p.engagement_frequency),
    avg_session_duration: batch.map((p) => p.avg_session_duration),
    last_active_at: batch.map((p) => p.last_active_at),
    interaction_score: batch.map((p) => p.interaction_score),
    content_preferences: batch.map((p) => arrayLiteral(p.content_preferences)),
    traits: batch.map((p) => JSON.stringify(p.traits)),
  });
  const insert = (c: ReturnType<typeof columns>, returning: "id" | "*") => client`
      insert into users (external_id, email, name, age, location, gender, interests, purchase_count, total_spent,
        engagement_level, engagement_frequency, avg_session_duration, last_active_at, interaction_score,
        content_preferences, traits)
      select x, e, n, a, l, g, i::text[], pc, ts, el, ef, sd, la, sc, cp::text[], t::jsonb
      from unnest(${c.external_id}::text[], ${c.email}::text[], ${c.name}::text[], ${c.age}::int[],
        ${c.location}::text[], ${c.gender}::text[], ${c.interests}::text[], ${c.purchase_count}::int[],
        ${c.total_spent}::numeric[], ${c.engagement_level}::text[], ${c.engagement_frequency}::text[],
        ${c.avg_session_duration}::int[], ${c.last_active_at}::timestamptz[], ${c.interaction_score}::float8[],
        ${c.content_preferences}::text[], ${c.traits}::text[])
        as r(x, e, n, a, l, g, i, pc, ts, el, ef, sd, la, sc, cp, t)
      returning ${returning === "id" ? client`id` : client`*`}`;
  await cleanup();
  const measure = (returning: "id" | "*") =>
    alternate(
      {
        prepare: async () => routeCall("/api/v1/users/bulk", {}, { users: profiles() }),
        run: (call: RouteCall) => callRoute(usersBulkRoute.POST as Handler, call),
        check: (result) => {
          const body = answer(result) as { created: number; items: unknown[] };
          if (body.created !== SIZE || body.items.length !== SIZE) throw new Error(`created ${body.created}`);
        },
      },
      {
        prepare: async () => columns(profiles()),
        run: (c: ReturnType<typeof columns>) => insert(c, returning),
        check: (rows) => {
          if (rows.length !== SIZE) throw new Error(`inserted ${rows.length} of ${SIZE}`);
        },
      },
      cleanup,
    );
  const ids = await measure("id");
  // The route answers every created profile: the same statement answering its rows, too.
  const rows = await measure("*");
  await db.execute(sql`vacuum analyze users`);
  return { ids, rows };
}

// ------------------------------------------------------------------------------------------------- report

async function describeMachine(): Promise<string> {
  const [pg] = await queryRows<{ server_version: string }>(db, sql`show server_version`);
  const cpu = os.cpus()[0]?.model.trim() ?? "CPU";
  return `${os.cpus().length} × ${cpu}, PostgreSQL ${pg.server_version.split(" ")[0]}, Node ${process.version}`;
}

function writeSection(lines: string[], machine: string, load: number[]): void {
  const section = [
    HEADING,
    "",
    `\`npm run bench -- bulk\` (\`bench/bulk.bench.ts\`), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, on ${machine};`,
    `load average ${load.map((l) => l.toFixed(1)).join(" / ")} (start / end) on a machine shared with other engineers' builds and`,
    "tests: absolute times are inflated; the ratios, measured in the same run and alternating, are what to compare.",
    `Database \`${benchConfig.database}\`: ${benchConfig.users.toLocaleString("en-US")} generated users.`,
    "",
    ...lines,
  ].join("\n");
  replaceDocSection(HEADING, section);
}

const loadAtStart = os.loadavg()[0];
try {
  const generated = await ensureUsers(db, benchConfig.users);
  if (generated.generated)
    console.log(`Generated ${benchConfig.users} users in ${generated.seconds.toFixed(1)} s`);
  const machine = await describeMachine();
  const sections = (process.env.BENCH_BULK_SECTIONS ?? "members,users").split(",");
  const members = sections.includes("members") ? await benchMembers() : undefined;
  const users = sections.includes("users") ? await benchUsers() : undefined;
  out(
    `### ${SIZE.toLocaleString("en-US")}-row bulk writes: route handler vs one hand-written statement — goal ≥ 0.5×`,
  );
  out("");
  for (const line of [
    "Each side runs once to warm up, then the two alternate (which goes first alternates too), every repetition on",
    "rows it has not written before; what a repetition wrote is deleted after it, outside the clock. The clock",
    "covers the server's side only: for the route, from the request's body as bytes (as they come off a socket)",
    "to the last byte of its answer, in-process; for the hand-written statement, from the column arrays in",
    "JavaScript (postgres.js serialises them on the clock) to its result. Ratio = hand-written median / route median.",
    "",
    "- **Members**: the route (`POST /api/v1/segments/{id}/members`: body guards and schema, then one transaction:",
    "  identify the users and lock them `FOR KEY SHARE` in id order, lock the segment, update those who are members",
    "  already, insert the others with one `join` event each and add them to member_count, one audit entry) against",
    "  one statement in autocommit: `INSERT INTO segment_members … SELECT FROM unnest($1::uuid[])` (or `unnest($1::text[])`",
    "  joined to users by email) `ON CONFLICT DO NOTHING`, the join events from its `RETURNING`, and the member_count",
    `  update. Each side adds ${SIZE.toLocaleString("en-US")} users spread over the table (every ${Math.floor(benchConfig.users / SIZE)}th generated user; a different`,
    "  slice each time) to an empty manual segment. The hand-written statement inserts the ids in the order given; the",
    "  route inserts them sorted by id (its identifying query sorts them for the lock order), which walks the unique",
    "  index and the foreign key's lookups in order.",
    "- **Users**: the route (`POST /api/v1/users/bulk` with full profiles: body guards, schema with normalisation,",
    "  one transaction with the insert, re-evaluation against the active dynamic segments (none here), an audit entry,",
    `  and the ${SIZE.toLocaleString("en-US")} created profiles checked against the documented schema and sent back) against one`,
    "  `INSERT INTO users … SELECT FROM unnest(…)` in autocommit of the same values, one array per column, measured",
    "  twice: `RETURNING id` (what an importer needs) and `RETURNING *` (the rows, as the route answers them).",
    "",
  ])
    out(line);
  out("| bulk path | runs | route handler | hand-written SQL | hand-written / route |");
  out("| --- | ---: | ---: | ---: | ---: |");
  if (members) {
    out(row(`members, ${SIZE.toLocaleString("en-US")} \`user_ids\``, members.ids));
    out(row(`members, ${SIZE.toLocaleString("en-US")} \`emails\``, members.emails));
  }
  if (users) {
    out(row(`users, ${SIZE.toLocaleString("en-US")} full profiles; statement \`RETURNING id\``, users.ids));
    out(row(`users, ${SIZE.toLocaleString("en-US")} full profiles; statement \`RETURNING *\``, users.rows));
  }
  out("");
  if (process.env.BENCH_WRITE_DOC !== "false") {
    writeSection(report, machine, [loadAtStart, os.loadavg()[0]]);
  }
} finally {
  await client.end();
  await closeDb();
}
