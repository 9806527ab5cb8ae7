import { sql } from "drizzle-orm";
import postgres from "postgres";
import { closeDb, type Database, getDb } from "@/db/client";
import { queryRows } from "@/db/rows";

export const benchConfig = {
  /** The server the benchmark database is created on (its `postgres` database is used to create it). */
  serverUrl: process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  database: process.env.BENCH_DATABASE ?? "bench_criteria",
  users: Number(process.env.BENCH_USERS ?? 1_000_000),
};

export function benchDatabaseUrl(database = benchConfig.database): string {
  const url = new URL(benchConfig.serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates the benchmark database when missing and points the app's client (getDb) at it, migrated.
 * A benchmark that changes more than users passes a database of its own.
 */
export async function openBenchDatabase(database = benchConfig.database): Promise<Database> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error("BENCH_DATABASE must be a plain name");
  const admin = postgres(benchConfig.serverUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
  if (!exists) await admin.unsafe(`create database ${database}`);
  await admin.end();
  process.env.DATABASE_URL = benchDatabaseUrl(database);
  process.env.SEED_DEMO_DATA = "false";
  // Generating a million rows takes single statements far longer than the API's 30 s statement timeout.
  process.env.STATEMENT_TIMEOUT_MS ??= "0";
  await closeDb();
  return getDb();
}

/**
 * Fills `users` with `count` generated profiles in one INSERT … SELECT over generate_series, with a fixed
 * seed so that every run measures the same population. Skipped when the table already holds that many.
 */
export async function ensureUsers(
  db: Database,
  count: number,
): Promise<{ generated: boolean; seconds: number }> {
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  if (Number(n) === count) return { generated: false, seconds: 0 };
  const started = performance.now();
  await db.execute(sql`truncate users, audience_segments, segment_membership_events cascade`);
  await insertGeneratedUsers(db, 1, count);
  await db.execute(sql`vacuum analyze users`);
  return { generated: true, seconds: (performance.now() - started) / 1000 };
}

/**
 * Generated profiles numbered `from` to `to` (emails `user<n>@bench.test`), drawn from a fixed seed. The seed
 * is set in the same transaction, so that the statement's draws follow from it whatever ran before.
 */
export async function insertGeneratedUsers(db: Database, from: number, to: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    // Correlated subqueries (`g > 0`) make PostgreSQL draw new random tags for every row.
    await tx.execute(sql`
    insert into users (external_id, email, name, age, location, gender, interests, purchase_count, total_spent,
      engagement_level, engagement_frequency, avg_session_duration, last_active_at, interaction_score,
      content_preferences, traits, created_at)
    select 'ext-' || g, 'user' || g || '@bench.test', 'User ' || g,
      case when random() < 0.03 then null else 13 + floor(random() * 63)::int end,
      (array['US','CA','GB','DE','FR','IN','BR','JP','AU','ES'])[1 + floor(random() * 10)::int],
      (array['male','female','non-binary',null])[1 + floor(random() * 4)::int],
      array(select t from unnest(array['fitness','wellness','nutrition','technology','gadgets','ai','travel',
        'music','gaming','finance','fashion','food']) as t where random() < 0.18 and g > 0),
      p.purchases, round((p.purchases * random() * 60)::numeric, 2),
      (array['low','low','medium','medium','high'])[1 + floor(random() * 5)::int],
      (array['daily','weekly','weekly','monthly','rarely'])[1 + floor(random() * 5)::int],
      floor(random() * 900)::int,
      now() - random() * interval '60 days',
      round(random()::numeric, 3),
      array(select t from unnest(array['videos','images','articles','podcasts','newsletters']) as t
        where random() < 0.3 and g > 0),
      jsonb_build_object('plan', (array['free','free','pro','team'])[1 + floor(random() * 4)::int], 'vip', random() < 0.05),
      now() - random() * interval '730 days'
    from generate_series(${from}::int, ${to}::int) as g
    cross join lateral (select floor(random() * random() * 20)::int + 0 * g as purchases) as p`);
  });
}
