import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";
import { users } from "@/db/schema";
import { userSummaryColumns } from "@/lib/users/queries";
import { type CriteriaNode, listConditions } from "./ast";
import { conditionResultsSql, conditionSql, confidenceSql, eventMeasureSql, matchSql } from "./compile-sql";

/**
 * Matching users, all users and a few matching profiles. Counting everyone needs a full scan anyway, so
 * both counts come from that one scan; the sample stops at its fifth match.
 */
export async function estimateAudience(node: CriteriaNode, now: Date, db?: Database) {
  const executor = await dbOrDefault(db);
  const [counts] = await queryRows<{ matched: number; total: number }>(
    executor,
    sql`select (count(*) filter (where ${matchSql(node, now, "set")}))::int as matched, count(*)::int as total
        from users`,
  );
  const sample = await executor
    .select(userSummaryColumns)
    .from(users)
    .where(matchSql(node, now, "set"))
    .limit(5);
  return { matched: Number(counts.matched), total: Number(counts.total), sample };
}

export async function countMatchingUsers(node: CriteriaNode, now: Date, db?: Database): Promise<number> {
  const executor = await dbOrDefault(db);
  const [row] = await queryRows<{ matched: number }>(
    executor,
    sql`select count(*)::int as matched from users where ${matchSql(node, now, "set")}`,
  );
  return Number(row.matched);
}

/** One user's outcome for every condition, the overall match and confidence, and the profile. */
export async function explainUser(node: CriteriaNode, now: Date, userId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .select({
      user: users,
      results: sql<boolean[]>`${conditionResultsSql(node, now)}`,
      matches: sql<boolean>`coalesce(${matchSql(node, now)}, false)`,
      confidence: sql<number>`${confidenceSql(node, now)}`,
      behavior: sql<unknown[] | string>`${behaviorValuesSql(node, now)}`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return row;
  const behavior = typeof row.behavior === "string" ? JSON.parse(row.behavior) : row.behavior;
  return { ...row, behavior: behavior as unknown[] };
}

/**
 * What each event condition measured for the user (the count, sum, …, or the time of the last or first
 * event) and whether each referenced segment holds them, in listConditions order; null for other conditions.
 */
function behaviorValuesSql(node: CriteriaNode, now: Date) {
  const values = listConditions(node).map((c) =>
    c.event
      ? sql`to_jsonb(${eventMeasureSql(c.event, now)})`
      : c.segment
        ? sql`to_jsonb(${conditionSql(c, now)})`
        : sql`'null'::jsonb`,
  );
  if (values.length === 0) return sql`'[]'::jsonb`;
  return sql`to_jsonb(array[${sql.join(values, sql`, `)}]::jsonb[])`;
}

export interface FieldValueRow {
  field: string;
  value: string;
  count: number;
}

/** The most common values of the categorical fields, as present in the data (for the builder's pickers). */
export async function listFieldValues(limitPerField: number, db?: Database): Promise<FieldValueRow[]> {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<FieldValueRow>(
    executor,
    sql`select field, value, count from (
          select field, value, count, row_number() over (partition by field order by count desc, value) as rank
          from (
            select 'location' as field, location as value, count(*)::int as count from users where location is not null group by 2
            union all select 'gender', lower(gender), count(*)::int from users where gender is not null group by 2
            union all select 'engagement_level', engagement_level, count(*)::int from users where engagement_level is not null group by 2
            union all select 'engagement_frequency', engagement_frequency, count(*)::int from users where engagement_frequency is not null group by 2
            union all select 'interests', v, count(*)::int from users, unnest(interests) as v group by 2
            union all select 'content_preferences', v, count(*)::int from users, unnest(content_preferences) as v group by 2
          ) counted
        ) ranked
        where rank <= ${limitPerField}
        order by field, count desc, value`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function listTraitKeys(limit: number, db?: Database): Promise<{ key: string; count: number }[]> {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<{ key: string; count: number }>(
    executor,
    sql`select k as key, count(*)::int as count from users, jsonb_object_keys(traits) as k
        group by k order by count desc, k limit ${limit}`,
  );
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/** The event names seen, most frequent first, with how many events each (the builder's event picker). */
export async function listEventNames(
  limit: number,
  db?: Database,
): Promise<{ name: string; count: number }[]> {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<{ name: string; count: number }>(
    executor,
    sql`select name, count(*)::int as count from events group by name order by count desc, name limit ${limit}`,
  );
  return rows.map((r) => ({ name: r.name, count: Number(r.count) }));
}
