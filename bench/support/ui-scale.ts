// The dashboard at scale for `BENCH_UI_USERS=1000000 npm run bench -- ui`: a PostgreSQL database with the demo
// data (segments, content, experiments, their history) and generated users up to the number asked for, with
// the segment that has the most members re-pointed at a third of everyone and refreshed, so that the segment
// pages show a segment of about 300,000 members with its content and A/B test. Kept between runs.
import postgres from "postgres";
import { closeDb, getDb } from "@/db/client";
import { api, type RunningServer } from "../../tests/server/production-server";
import { refreshCase } from "../criteria-cases";
import { benchConfig, benchDatabaseUrl, insertGeneratedUsers } from "./database";

export const uiScaleDatabase = process.env.BENCH_UI_DATABASE ?? "bench_ui";

/**
 * Before the server starts: keeps the database when it already holds `users` users, otherwise creates it
 * empty, so that the server loads the demo data into it at start.
 */
export async function resetUnlessScaled(users: number): Promise<void> {
  const admin = postgres(benchConfig.serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${uiScaleDatabase}`;
    if (exists) {
      const db = postgres(benchDatabaseUrl(uiScaleDatabase), { max: 1, onnotice: () => {} });
      const [row] = await db`select count(*)::int as n from users`.catch(() => [{ n: -1 }]);
      await db.end();
      if (row?.n === users) return;
      await admin.unsafe(`drop database ${uiScaleDatabase} with (force)`);
    }
    await admin.unsafe(`create database ${uiScaleDatabase}`);
  } finally {
    await admin.end();
  }
}

/** After the server has loaded the demo data: generated users up to `users`, then the big segment. */
export async function scaleUp(server: RunningServer, users: number): Promise<void> {
  process.env.DATABASE_URL = benchDatabaseUrl(uiScaleDatabase);
  process.env.STATEMENT_TIMEOUT_MS = "0";
  const db = await getDb();
  const sql = postgres(benchDatabaseUrl(uiScaleDatabase), { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
    if (n < users) {
      const started = performance.now();
      await insertGeneratedUsers(db, n + 1, users);
      await sql`vacuum analyze users`;
      console.log(`users: ${n} → ${users} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const top = ok(
      await api<{ items: Array<{ id: string; member_count: number }> }>(
        server,
        "GET",
        "/api/v1/segments?sort=-member_count&limit=1",
      ),
    );
    const segment = top.items[0];
    if (!segment) throw new Error("no segment: did the server load the demo data?");
    if (segment.member_count >= users / 4) return;
    ok(await api(server, "PATCH", `/api/v1/segments/${segment.id}`, { criteria: refreshCase.criteria }));
    const started = performance.now();
    const refreshed = ok(
      await api<{ member_count: number }>(
        server,
        "POST",
        `/api/v1/segments/${segment.id}/refresh?async=false`,
      ),
    );
    await sql`vacuum analyze segment_members`;
    await sql`vacuum analyze segment_membership_events`;
    // The generation and the refresh leave about a gigabyte of dirty pages; written now, not during the first
    // pages' measurements.
    await sql`checkpoint`;
    console.log(
      `segment ${segment.id}: ${refreshed.member_count} members, refreshed in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await sql.end();
    await closeDb();
  }
}

function ok<T>(answer: { status: number; body: T }): T {
  if (answer.status >= 300)
    throw new Error(`the API answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
