// Issue 13 on a real PostgreSQL, in a database of its own (BENCH_BEHAVIOR_DATABASE, default bench_behavior):
// event-condition estimates over generated events vs hand-written SQL for the same answer; re-evaluating one
// user against 50 dynamic segments (with event conditions); the freshness pass over every user when 1%
// crossed a time boundary vs a hand-written statement that makes the same change. See docs/benchmarks.md.
import os from "node:os";
import { sql } from "drizzle-orm";
import { closeDb, transaction } from "@/db/client";
import { queryRows } from "@/db/rows";
import { audienceSegments } from "@/db/schema";
import { parseValidCriteria } from "@/lib/criteria/parse-criteria";
import { countMatchingUsers } from "@/lib/criteria/queries";
import { reevaluateUsers } from "@/lib/segments/dynamic-membership";
import { refreshTimeDependentSegments } from "@/lib/segments/freshness-job";
import { insertSegment } from "@/lib/segments/queries";
import { refreshCriteriaMembers } from "@/lib/segments/refresh-queries";
import { benchCases } from "./criteria-cases";
import { benchConfig, ensureUsers, openBenchDatabase } from "./support/database";
import { compareAlternating, median, ms, percentile, timed } from "./support/stats";

const database = process.env.BENCH_BEHAVIOR_DATABASE ?? "bench_behavior";
const eventCount = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const passRuns = Number(process.env.BENCH_PASS_RUNS ?? 2);
const sections = new Set((process.env.BENCH_SECTIONS ?? "estimate,reevaluate,pass").split(","));
const DAY = 86_400_000;

const db = await openBenchDatabase(database);
const log = (line = "") => console.log(line);
const scalar = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ v: number }>(db, query))[0].v);

async function ensureEvents(count: number) {
  const have = await scalar(sql`select count(*)::bigint as v from events`);
  // Generated counts are random around `count`: within 10% is the same population.
  if (have > 0.9 * count && have < 1.1 * count) return { generated: false, seconds: 0 };
  const started = performance.now();
  await db.execute(sql`truncate events`);
  // Indexes built once after the load, not row by row.
  for (const index of [
    "events_user_time_idx",
    "events_name_time_idx",
    "events_user_name_time_idx",
    "events_content_time_idx",
  ]) {
    await db.execute(sql.raw(`drop index if exists ${index}`));
  }
  await db.execute(sql`select setseed(0.13)`);
  const users = await scalar(sql`select count(*)::int as v from users`);
  const perUser = (2 * count) / users;
  // About `count` events: each user gets 0..2×average (uniform over the whole numbers, so the mean is the
  // average; without the + 1 it fell half an event short per user: 9.5 million for 10), names weighted
  // view 55%, add_to_cart 20%, purchase 15%, signup 10%, over the last 90 days; purchases carry a value and
  // a category.
  await db.execute(sql`
    insert into events (user_id, name, occurred_at, properties, value)
    select u.id, n.name, now() - random() * interval '90 days',
      case when n.name = 'purchase' then jsonb_build_object('category', (array['books','games','music','food'])[1 + floor(random() * 4)::int]) else '{}'::jsonb end,
      case when n.name = 'purchase' then round((random() * 200)::numeric, 2)::float8 end
    from users u
    cross join lateral generate_series(1, floor(random() * (${perUser}::float8 + 1))::int + 0 * length(u.external_id)) as g
    cross join lateral (select case when r < 0.55 then 'view' when r < 0.75 then 'add_to_cart'
      when r < 0.9 then 'purchase' else 'signup' end as name from (select random() + 0 * g as r) x) n`);
  await db.execute(sql`create index events_user_time_idx on events (user_id, occurred_at)`);
  await db.execute(sql`create index events_name_time_idx on events (name, occurred_at)`);
  await db.execute(sql`create index events_user_name_time_idx on events (user_id, name, occurred_at)`);
  await db.execute(sql`create index events_content_time_idx on events (personalized_content_id, occurred_at)
    where personalized_content_id is not null`);
  await db.execute(sql`vacuum analyze events`);
  return { generated: true, seconds: (performance.now() - started) / 1000 };
}

interface EventCase {
  name: string;
  criteria: Record<string, unknown>;
  /** The same answer, hand-written: a count of users. */
  hand: ReturnType<typeof sql>;
}

// One clock for both sides: the compiled query gets it as `now`, the hand-written SQL as a literal, so that
// events crossing a window edge while the benchmark runs cannot make them disagree.
const NOW = new Date();
const cutoff = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const nowLiteral = sql`${NOW.toISOString()}::timestamptz`;

function eventCases(): EventCase[] {
  return [
    {
      name: "purchase count ≥ 3 in the last 30 days",
      criteria: { event: { name: "purchase", within_days: 30, count: { gte: 3 } } },
      hand: sql`select count(*)::int as v from (select user_id from events where name = 'purchase'
        and occurred_at >= ${cutoff(30)}::timestamptz and occurred_at <= ${nowLiteral} group by user_id having count(*) >= 3) t`,
    },
    {
      name: "sum of purchase value ≥ 500, all time",
      criteria: { event: { name: "purchase", sum: { of: "value", gte: 500 } } },
      hand: sql`select count(*)::int as v from (select user_id from events where name = 'purchase'
        group by user_id having sum(value::numeric) >= 500) t`,
    },
    {
      name: "books purchase, last seen within 14 days",
      criteria: {
        event: {
          name: "purchase",
          where: [{ field: "properties.category", op: "eq", value: "books" }],
          last_seen_days: 14,
        },
      },
      hand: sql`select count(distinct user_id)::int as v from events where name = 'purchase'
        and properties ->> 'category' = 'books' and occurred_at >= ${cutoff(14)}::timestamptz`,
    },
    {
      name: "no view in the last 7 days (count = 0)",
      criteria: { event: { name: "view", within_days: 7, count: { eq: 0 } } },
      hand: sql`select count(*)::int as v from users u where not exists (select 1 from events e
        where e.user_id = u.id and e.name = 'view' and e.occurred_at >= ${cutoff(7)}::timestamptz and e.occurred_at <= ${nowLiteral})`,
    },
    {
      name: "age 25–45 and add_to_cart ≥ 2 in 30 days but no purchase in 30 days",
      criteria: {
        age_range: [25, 45],
        all: [
          { event: { name: "add_to_cart", within_days: 30, count: { gte: 2 } } },
          { event: { name: "purchase", within_days: 30, count: { eq: 0 } } },
        ],
      },
      hand: sql`select count(*)::int as v from users u where u.age between 25 and 45
        and u.id in (select user_id from events where name = 'add_to_cart' and occurred_at >= ${cutoff(30)}::timestamptz
          and occurred_at <= ${nowLiteral} group by user_id having count(*) >= 2)
        and not exists (select 1 from events e where e.user_id = u.id and e.name = 'purchase'
          and e.occurred_at >= ${cutoff(30)}::timestamptz and e.occurred_at <= ${nowLiteral})`,
    },
  ];
}

async function benchEstimates() {
  log(
    `\n### Event-condition estimates: compiled vs hand-written SQL (median of ${runs}, alternating) — goal ≤ 1.5×`,
  );
  log("| criteria | matches | compiled | hand-written | ratio |");
  log("| --- | ---: | ---: | ---: | ---: |");
  for (const c of eventCases()) {
    const node = parseValidCriteria(c.criteria);
    const compiled = () => countMatchingUsers(node, NOW, db);
    const [a, b] = [await compiled(), await scalar(c.hand)];
    const agree = a === b ? "" : ` (MISMATCH: hand-written ${b})`;
    const result = await compareAlternating(runs, compiled, () => scalar(c.hand));
    log(`| ${c.name} | ${a}${agree} | ${ms(result.a)} | ${ms(result.b)} | ${result.ratio.toFixed(2)}× |`);
  }
}

async function newSegment(name: string, criteria: Record<string, unknown>) {
  return insertSegment(
    {
      segment_name: `${name} ${Date.now()}-${Math.random()}`,
      criteria,
      membership_mode: "dynamic",
      status: "paused",
    },
    db,
  );
}

async function benchReevaluation() {
  log(
    "\n### Re-evaluating one user against 50 active dynamic segments (20 with event conditions) — goal p95 < 20 ms",
  );
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) {
    const base = benchCases[i % benchCases.length].criteria as { all?: unknown[] };
    const extra =
      i % 5 < 2
        ? [{ event: { name: i % 2 ? "purchase" : "view", within_days: 7 + i, count: { gte: 1 + (i % 3) } } }]
        : [];
    const criteria = {
      ...base,
      all: [...(base.all ?? []), { field: "age", op: "gte", value: 13 + (i % 30) }, ...extra],
    };
    ids.push((await newSegment(`dynamic ${i}`, criteria)).id);
  }
  await db.execute(sql`update ${audienceSegments} set status = 'active' where membership_mode = 'dynamic'`);
  const users = await queryRows<{ id: string }>(db, sql`select id from users order by id desc limit 101`);
  const times: number[] = [];
  for (const [i, { id }] of users.entries()) {
    const took = await transaction(async (tx) => {
      await tx.execute(sql`update users set age = ${18 + (i % 40)} where id = ${id}::uuid`);
      return (await timed(() => reevaluateUsers([id], tx))).ms;
    });
    if (i > 0) times.push(took);
  }
  log(`median ${ms(median(times))}, p95 ${ms(percentile(times, 95))} over ${times.length} users`);
  for (const id of ids) await db.execute(sql`delete from audience_segments where id = ${id}::uuid`);
}

async function benchPass() {
  log(`\n### The freshness pass over every user when 1% crossed a time boundary (${passRuns} runs each)`);
  // last_active_at is spread evenly over 60 days: 0.6 days later, 1% of users have left "active in 30 days".
  const segment = await newSegment("active 30 days", { last_active_days: 30 });
  await db.execute(sql`update ${audienceSegments} set status = 'active' where id = ${segment.id}::uuid`);
  const node = parseValidCriteria({ last_active_days: 30 });
  const t0 = new Date();
  const t1 = new Date(t0.getTime() + 0.6 * DAY);
  const reset = () => transaction((tx) => refreshCriteriaMembers(segment.id, node, t0, tx));
  await reset();
  const members = await scalar(
    sql`select member_count as v from audience_segments where id = ${segment.id}::uuid`,
  );
  const pass: number[] = [];
  const hand: number[] = [];
  let moved = 0;
  for (let i = 0; i < passRuns; i++) {
    const run = await timed(() => transaction((tx) => refreshTimeDependentSegments(tx, t1)));
    pass.push(run.ms);
    moved = run.result.removed + run.result.added;
    await reset();
    // Hand-written: the same change in one statement (members who crossed leave, their leave recorded,
    // member_count moved), knowing which boundary moved.
    hand.push(
      (
        await timed(() =>
          db.execute(sql`with removed as (
              delete from segment_members m using users u
              where m.segment_id = ${segment.id}::uuid and m.user_id = u.id and m.source = 'criteria'
                and not coalesce(u.last_active_at >= ${new Date(t1.getTime() - 30 * DAY).toISOString()}::timestamptz, false)
              returning m.user_id),
            logged as (insert into segment_membership_events (segment_id, user_id, event, source)
              select ${segment.id}::uuid, user_id, 'leave', 'criteria' from removed)
            update audience_segments set member_count = member_count - (select count(*) from removed)::int
            where id = ${segment.id}::uuid`),
        )
      ).ms,
    );
    await reset();
  }
  log(`${members} members; ${moved} crossed the boundary per pass`);
  log("| | median |");
  log("| --- | ---: |");
  log(`| freshness pass (refreshTimeDependentSegments) | ${ms(median(pass))} |`);
  log(`| hand-written DELETE of the members who crossed | ${ms(median(hand))} |`);
  log(`| ratio | ${(median(pass) / median(hand)).toFixed(2)}× |`);
  await db.execute(sql`delete from audience_segments where id = ${segment.id}::uuid`);
}

log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}; database ${database}`,
);
const u = await ensureUsers(db, benchConfig.users);
log(`Users: ${benchConfig.users}${u.generated ? ` (generated in ${u.seconds.toFixed(0)} s)` : ""}`);
const e = await ensureEvents(eventCount);
const stored = await scalar(sql`select count(*)::bigint as v from events`);
log(`Events: ${stored}${e.generated ? ` (generated and indexed in ${e.seconds.toFixed(0)} s)` : ""}`);
if (sections.has("estimate")) await benchEstimates();
if (sections.has("reevaluate")) await benchReevaluation();
if (sections.has("pass")) await benchPass();
await closeDb();
