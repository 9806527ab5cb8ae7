import "server-only";
import { sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { User } from "@/db/schema";
import type { Profile } from "@/lib/criteria/evaluate";

/** The profile values discovery reads: what the criteria oracle needs to score its proposals, and the id. */
export type SampledProfile = Profile & Pick<User, "id">;

/**
 * Up to `size` profiles in an order fixed by the seed: md5 of the seed and the id is a hash no one chose, so
 * the first `size` are a uniform sample, the same every time for the same seed and data. The database keeps
 * only the top `size` while it scans (a bounded sort), so a million users need not reach the application.
 */
export async function sampleProfiles(size: number, seed: number, db?: Database): Promise<SampledProfile[]> {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<SampledProfile & { total_spent: string | number }>(
    executor,
    sql`select id, age, location, lower(gender) as gender, interests, content_preferences, purchase_count,
               total_spent, engagement_level, engagement_frequency, avg_session_duration, last_active_at,
               interaction_score, created_at, conversion_propensity, '{}'::jsonb as traits
        from users
        order by md5(${String(seed)} || ':' || id::text), id
        limit ${size}`,
  );
  return rows.map((row) => ({
    ...row,
    total_spent: Number(row.total_spent),
    last_active_at: row.last_active_at === null ? null : new Date(row.last_active_at),
    created_at: new Date(row.created_at),
  }));
}

export async function countUsers(db?: Database): Promise<number> {
  const executor = await dbOrDefault(db);
  const [row] = await queryRows<{ total: number }>(executor, sql`select count(*)::int as total from users`);
  return Number(row.total);
}
