import os from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { closeDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { forecastSegment } from "@/lib/forecast/service";
import { readInsights } from "@/lib/intelligence/insight-service";
import { recommendContent } from "@/lib/intelligence/recommendation-service";
import { benchConfig, ensureUsers, openBenchDatabase } from "./support/database";
import { replaceDocSection } from "./support/doc-section";
import { median, timed } from "./support/stats";

const DATABASE = process.env.BENCH_INSIGHTS_DATABASE ?? "bench_insights";
const DAYS = 365;
const SEGMENTS = 6;
const CONTENT_PER_SEGMENT = 5;
const VIEWERS = 200_000;
const RUNS = 5;
const HEADING = "## Intelligence: forecasts, recommendations, insights";

async function seed(db: Awaited<ReturnType<typeof openBenchDatabase>>, users: number) {
  await db.execute(sql`truncate audience_segments, content, events cascade`);
  // Segment 0 holds every user (joined over the last year: one membership event each); segments 1–5 hold
  // overlapping halves, so overlap and competing-content queries have real work.
  const segments = await queryRows<{ id: string; segment_name: string }>(
    db,
    sql`
      insert into audience_segments (segment_name, criteria, member_count)
      select 'Bench ' || s, case when s = 0 then '{}'::jsonb
        else jsonb_build_object('location', jsonb_build_array((array['US','DE','FR','GB','IN'])[s])) end, 0
      from generate_series(0, ${SEGMENTS - 1}::int) s
      order by s
      returning id, segment_name`,
  );
  const ids = segments.sort((a, b) => a.segment_name.localeCompare(b.segment_name)).map((row) => row.id);
  await db.execute(sql`
    with numbered as (select id, row_number() over (order by id) as n from users),
    segment_ids as (select array_agg(id order by segment_name) as ids from audience_segments)
    insert into segment_members (segment_id, user_id, source, joined_at)
    select ${ids[0]}::uuid, id, 'criteria', now() - ((n % ${DAYS}) || ' days')::interval from numbered
    union all
    select segment_ids.ids[2 + (n % ${SEGMENTS - 1})], id, 'criteria', now() - ((n % ${DAYS}) || ' days')::interval
    from numbered, segment_ids where n % 2 = 0`);
  await db.execute(sql`
    insert into segment_membership_events (segment_id, user_id, event, source, occurred_at)
    select segment_id, user_id, 'join', 'criteria', joined_at from segment_members`);
  await db.execute(sql`
    update audience_segments s set member_count = m.n
    from (select segment_id, count(*)::int as n from segment_members group by segment_id) m where m.segment_id = s.id`);
  await db.execute(sql`
    insert into content (title) select 'Bench content ' || g from generate_series(1, ${SEGMENTS * CONTENT_PER_SEGMENT}::int) g`);
  await db.execute(sql`
    insert into personalized_content (content_id, segment_id, variant_id, view_count, engagement_count, conversion_count)
    select c.id, (array_agg_ids.ids)[1 + ((c.rn - 1) % ${SEGMENTS})], 'v' || c.rn, 0, 0, 0
    from (select id, row_number() over (order by title) as rn from content) c,
      (select array_agg(id order by segment_name) as ids from audience_segments) array_agg_ids`);
  // A year of daily figures per item: a trend, a weekly season and noise.
  await db.execute(sql`select setseed(0.7)`);
  await db.execute(sql`
    insert into content_performance_daily (personalized_content_id, day, views, engagements, conversions)
    select id, day, views, (views * (0.1 + random() * 0.1))::int, (views * (0.01 + random() * 0.02))::int
    from (
      select p.id, d::date as day,
        (500 + extract(doy from d) + 150 * sin(2 * pi() * extract(dow from d) / 7) + random() * 60)::int as views
      from personalized_content p
      cross join generate_series((current_date - ${DAYS}::int)::timestamp, (current_date - 1)::timestamp,
        interval '1 day') d
    ) daily`);
  await db.execute(sql`
    update personalized_content p set view_count = t.views, engagement_count = t.engagements, conversion_count = t.conversions
    from (select personalized_content_id, sum(views)::int as views, sum(engagements)::int as engagements,
      sum(conversions)::int as conversions from content_performance_daily group by 1) t
    where t.personalized_content_id = p.id`);
  // Per-user content events for the profile-value lifts.
  await db.execute(sql`
    insert into events (user_id, name, personalized_content_id, occurred_at)
    select u.id, e.name, (select id from personalized_content order by id limit 1), now() - interval '1 day'
    from (select id from users order by id limit ${VIEWERS}) u
    cross join lateral (select 'content_view' as name union all
      select 'content_engagement' where random() < 0.25 and u.id is not null) e`);
  await db.execute(sql`vacuum analyze`);
  return { ids, users };
}

async function measure(name: string, work: () => Promise<unknown>) {
  await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push((await timed(work)).ms);
  return { name, median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

function writeSection(
  rows: Awaited<ReturnType<typeof measure>>[],
  users: number,
  version: string,
  load: number,
) {
  const fmt = (ms: number) => `${Math.round(ms)} ms`;
  const section = [
    HEADING,
    "",
    `\`npm run bench -- insights\`, ${new Date().toISOString().slice(0, 10)}: ${users.toLocaleString("en-US")} users on PostgreSQL ${version}`,
    `(${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, load average ${load}: other work shared the CPUs). One segment`,
    `holds every user (one join event each, spread over a year), five more hold overlapping halves; ${SEGMENTS * CONTENT_PER_SEGMENT} content`,
    `items with a year of daily figures; ${Math.min(VIEWERS, users).toLocaleString("en-US")} users with content events. Timed: the services the API`,
    `calls (reads and model fits), ${RUNS} runs after a warm-up, on the all-users segment.`,
    "",
    "| what | median | min | max |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map((row) => `| ${row.name} | ${fmt(row.median)} | ${fmt(row.min)} | ${fmt(row.max)} |`),
    "",
    "The forecast of views, conversions and engagement reads one row per item and day (independent of users); its",
    "time is mostly the Holt-Winters fit and the backtest's second fit on 365 points. `member_count` also reads",
    "the segment's membership events (one per member here).",
    "",
  ].join("\n");
  replaceDocSection(HEADING, section);
}

try {
  const db = await openBenchDatabase(DATABASE);
  const generated = await ensureUsers(db, benchConfig.users);
  console.log(`users: ${generated.generated ? `generated in ${generated.seconds.toFixed(0)} s` : "present"}`);
  const seedStart = performance.now();
  const { ids, users } = await seed(db, benchConfig.users);
  console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
  const rows = [];
  for (const metric of ["views", "engagement_rate", "conversions", "member_count"] as const) {
    rows.push(
      await measure(`forecast ${metric}, horizon 14`, () => forecastSegment(ids[0], { metric, horizon: 14 })),
    );
  }
  rows.push(await measure("content recommendations", () => recommendContent(ids[1], { limit: 10 })));
  rows.push(await measure("insights", () => readInsights({ limit: 20 })));
  for (const row of rows) console.log(`${row.name}: median ${row.median.toFixed(0)} ms`);
  const [{ server_version }] = await queryRows<{ server_version: string }>(db, sql`show server_version`);
  writeSection(rows, users, String(server_version).split(" ")[0], Math.round(os.loadavg()[0] * 10) / 10);
} finally {
  await closeDb();
  const admin = postgres(benchConfig.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}
