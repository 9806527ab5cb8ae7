// The criteria engine on a real PostgreSQL: estimates, refreshes and dynamic re-evaluation against
// hand-written SQL, measured in the same run. See docs/benchmarks.md for the variables and the results.
import os from "node:os";
import { sql } from "drizzle-orm";
import * as estimateRoute from "@/app/api/v1/segments/estimate/route";
import { closeDb, transaction } from "@/db/client";
import { queryRows } from "@/db/rows";
import { audienceSegments } from "@/db/schema";
import { parseValidCriteria } from "@/lib/criteria/parse-criteria";
import { countMatchingUsers } from "@/lib/criteria/queries";
import { reevaluateUsers } from "@/lib/segments/dynamic-membership";
import { insertSegment } from "@/lib/segments/queries";
import { refreshSegment } from "@/lib/segments/service";
import { type BenchCase, benchCases, refreshCase } from "./criteria-cases";
import { benchConfig, ensureUsers, openBenchDatabase } from "./support/database";
import { serveRoute } from "./support/route-server";
import { compareAlternating, median, ms, percentile, timed } from "./support/stats";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const refreshRuns = Number(process.env.BENCH_REFRESH_RUNS ?? 2);
/** A running server (e.g. `next start`); without it the estimate route is served in-process. */
const baseUrl = process.env.BENCH_BASE_URL;
const skipAblation = process.env.BENCH_SKIP_INDEX_ABLATION === "true";

const db = await openBenchDatabase();
const log = (line = "") => console.log(line);

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ value: number }>(db, query);
  return Number(row.value);
}

async function describeMachine() {
  const [pg] = await queryRows<Record<string, string>>(
    db,
    sql`select version() as version, current_setting('shared_buffers') as shared_buffers,
               current_setting('work_mem') as work_mem,
               current_setting('max_parallel_workers_per_gather') as parallel_workers`,
  );
  log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  log(
    `PostgreSQL: ${pg.version.split(" on ")[0]}; shared_buffers ${pg.shared_buffers}, work_mem ${pg.work_mem}, parallel workers/gather ${pg.parallel_workers}`,
  );
  log(`Node ${process.version}; runs per measurement ${runs}, refresh runs ${refreshRuns}`);
}

const handCount = (c: BenchCase) =>
  scalar(sql`select count(*)::int as value from users where ${c.handWritten}`);
const compiledCount = (c: BenchCase) => countMatchingUsers(parseValidCriteria(c.criteria), new Date(), db);

async function benchEstimates() {
  log("\n## Estimate: compiled query vs hand-written count (median, alternating runs)");
  log("| criteria | matches | compiled | hand-written | ratio |");
  log("| --- | ---: | ---: | ---: | ---: |");
  for (const c of benchCases) {
    const [compiled, hand] = [await compiledCount(c), await handCount(c)];
    const agree = compiled === hand ? "" : ` (MISMATCH: hand-written ${hand})`;
    const result = await compareAlternating(
      runs,
      () => compiledCount(c),
      () => handCount(c),
    );
    log(
      `| ${c.name} | ${compiled}${agree} | ${ms(result.a)} | ${ms(result.b)} | ${result.ratio.toFixed(2)}× |`,
    );
  }
}

async function newSegment(
  name: string,
  criteria: Record<string, unknown>,
  mode: "manual" | "dynamic" = "manual",
) {
  return insertSegment(
    { segment_name: `${name} ${Date.now()}-${Math.random()}`, criteria, membership_mode: mode },
    db,
  );
}

async function handInsert(segmentId: string) {
  await db.execute(
    sql`insert into segment_members (segment_id, user_id, confidence_score, source)
        select ${segmentId}::uuid, id, 1, 'criteria' from users where ${refreshCase.handWritten}`,
  );
}

async function dropSegment(id: string) {
  await db.execute(sql`delete from audience_segments where id = ${id}::uuid`);
}

async function benchRefresh() {
  log("\n## Refresh of a dynamic segment");
  const matching = await handCount(refreshCase);
  const total = await scalar(sql`select count(*)::int as value from users`);
  log(
    `Criteria ${JSON.stringify(refreshCase.criteria)} select ${matching} of ${total} users (${((matching / total) * 100).toFixed(1)} %).`,
  );
  const engine: number[] = [];
  const hand: number[] = [];
  let kept: string | undefined;
  for (let i = 0; i < refreshRuns; i++) {
    const segment = await newSegment("refresh", refreshCase.criteria);
    const { result } = await timed(() => refreshSegment(segment.id));
    engine.push(result.took_ms);
    const target = await newSegment("hand", refreshCase.criteria);
    hand.push((await timed(() => handInsert(target.id))).ms);
    await dropSegment(target.id);
    if (kept) await dropSegment(kept);
    kept = segment.id;
    await db.execute(sql`vacuum analyze segment_members`);
  }
  const first = median(engine);
  log(`Full refresh (members + join events + reasons): ${engine.map(ms).join(", ")}; median ${ms(first)}`);
  log(
    `Hand-written INSERT … SELECT of the same rows: ${hand.map(ms).join(", ")}; median ${ms(median(hand))}`,
  );
  log(`Ratio full refresh / hand-written insert: ${(first / median(hand)).toFixed(2)}×`);

  const onePercent = Math.round(total / 100);
  await db.execute(
    sql`update users set age = 13 + floor(random() * 63)::int, last_active_at = now() - random() * interval '60 days'
        where id in (select id from users order by id limit ${onePercent})`,
  );
  const second = await refreshSegment(kept!);
  log(
    `Second refresh after ${onePercent} users (1 %) changed: ${ms(second.took_ms)} (added ${second.added}, removed ${second.removed}); first/second = ${(first / second.took_ms).toFixed(1)}×`,
  );
  const idle = await refreshSegment(kept!);
  log(`Refresh with nothing changed: ${ms(idle.took_ms)} (added ${idle.added}, removed ${idle.removed})`);
  await dropSegment(kept!);
}

async function measureReevaluation(label: string, userIds: string[]) {
  const times: number[] = [];
  const roundTrips: number[] = [];
  for (const [i, id] of userIds.entries()) {
    const [reevaluation, roundTrip] = await transaction(async (tx) => {
      await tx.execute(
        sql`update users set age = ${18 + (i % 40)}, interests = array['ai', 'fitness'] where id = ${id}::uuid`,
      );
      const trivial = (await timed(() => tx.execute(sql`select 1`))).ms;
      return [(await timed(() => reevaluateUsers([id], tx))).ms, trivial];
    });
    if (i > 0) {
      times.push(reevaluation);
      roundTrips.push(roundTrip);
    }
  }
  log(`${label}: median ${ms(median(times))}, p95 ${ms(percentile(times, 95))} over ${times.length} users`);
  log(
    `  (the floor on this machine in the same transactions: \`select 1\` median ${ms(median(roundTrips))}, p95 ${ms(percentile(roundTrips, 95))})`,
  );
  return times;
}

async function benchReevaluation() {
  log("\n## Re-evaluating one changed user against 50 active dynamic segments");
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) {
    const base = benchCases[i % benchCases.length].criteria as { all?: unknown[] };
    const criteria = {
      ...base,
      all: [...(base.all ?? []), { field: "age", op: "gte", value: 13 + (i % 30) }],
    };
    // Created paused, then activated directly: measuring re-evaluation does not need 50 full refreshes.
    ids.push((await newSegment(`dynamic ${i}`, criteria, "dynamic")).id);
  }
  await db.execute(sql`update ${audienceSegments} set status = 'active' where membership_mode = 'dynamic'`);
  const users = await queryRows<{ id: string }>(db, sql`select id from users order by id desc limit 41`);
  await measureReevaluation(
    "With the index on segment_membership_events (user_id)",
    users.map((u) => u.id),
  );
  if (!skipAblation) {
    await db.execute(sql`drop index segment_membership_events_user_id_idx`);
    await db.execute(sql`insert into segment_membership_events (segment_id, user_id, event, source)
      select ${ids[0]}::uuid, id, 'join', 'criteria' from users where ${refreshCase.handWritten}`);
    await db.execute(sql`analyze segment_membership_events`);
    const events = await scalar(sql`select count(*)::int as value from segment_membership_events`);
    await measureReevaluation(
      `Without it (${events} events in the history)`,
      users.map((u) => u.id),
    );
    await db.execute(
      sql`create index segment_membership_events_user_id_idx on segment_membership_events (user_id)`,
    );
    await measureReevaluation(
      `With it again (${events} events)`,
      users.map((u) => u.id),
    );
  }
  for (const id of ids) await dropSegment(id);
}

async function benchIndexes() {
  log("\n## What the users indexes buy the estimates (compiled count, median)");
  const probes: { index: string; create: string; caseName: string }[] = [
    {
      index: "users_last_active_at_idx",
      create: "create index users_last_active_at_idx on users (last_active_at)",
      caseName: "engagement (spec)",
    },
    {
      index: "users_interests_idx",
      create: "create index users_interests_idx on users using gin (interests)",
      caseName: "demographics (spec)",
    },
    {
      index: "users_content_preferences_idx",
      create: "create index users_content_preferences_idx on users using gin (content_preferences)",
      caseName: "behavioral (spec)",
    },
  ];
  for (const probe of probes) {
    const c = benchCases.find((x) => x.name === probe.caseName)!;
    const measure = async () => {
      await compiledCount(c);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await timed(() => compiledCount(c))).ms);
      return median(times);
    };
    const withIndex = await measure();
    await db.execute(sql.raw(`drop index ${probe.index}`));
    const without = await measure();
    await db.execute(sql.raw(probe.create));
    await db.execute(sql`analyze users`);
    log(`${probe.index} on "${c.name}": with ${ms(withIndex)}, without ${ms(without)}`);
  }
}

async function benchHttp() {
  const local = baseUrl
    ? undefined
    : await serveRoute("/api/v1/segments/estimate", estimateRoute.POST as never);
  const url = baseUrl ?? local!.url;
  log(
    `\n## Estimate endpoint over HTTP (${baseUrl ? `production server ${baseUrl}` : "the route handler behind node:http"})`,
  );
  log("| criteria | median | p95 |");
  log("| --- | ---: | ---: |");
  for (const c of benchCases) {
    const call = async () => {
      const res = await fetch(`${url}/api/v1/segments/estimate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ criteria: c.criteria }),
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      await res.json();
    };
    await call();
    const times: number[] = [];
    for (let i = 0; i < Math.max(20, runs * 4); i++) times.push((await timed(call)).ms);
    log(`| ${c.name} | ${ms(median(times))} | ${ms(percentile(times, 95))} |`);
  }
  await local?.close();
}

const setup = await ensureUsers(db, benchConfig.users);
if (setup.generated) log(`Generated ${benchConfig.users} users in ${setup.seconds.toFixed(1)} s`);
await db.execute(sql`delete from audience_segments where true`);
await db.execute(sql`vacuum analyze`);
await describeMachine();
const sections = (process.env.BENCH_SECTIONS ?? "estimate,refresh,reevaluate,indexes,http").split(",");
if (sections.includes("estimate")) await benchEstimates();
if (sections.includes("refresh")) await benchRefresh();
if (sections.includes("reevaluate")) await benchReevaluation();
if (sections.includes("indexes") && !skipAblation) await benchIndexes();
if (sections.includes("http")) await benchHttp();
await closeDb();
