import "server-only";
import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { segmentRevisions, users } from "@/db/schema";
import { userSummaryColumns } from "@/lib/users/queries";
import type { CriteriaNode } from "./ast";
import { assignmentReasonSql, conditionResultsSql, confidenceSql, matchSql } from "./compile-sql";

/**
 * Matching users, all users and a few matching profiles. Counting everyone needs a full scan anyway, so
 * both counts come from that one scan; the sample stops at its fifth match.
 */
export async function estimateAudience(node: CriteriaNode, now: Date, db?: Database) {
  const executor = db ?? (await getDb());
  const [counts] = await queryRows<{ matched: number; total: number }>(
    executor,
    sql`select (count(*) filter (where ${matchSql(node, now)}))::int as matched, count(*)::int as total
        from users`,
  );
  const sample = await executor.select(userSummaryColumns).from(users).where(matchSql(node, now)).limit(5);
  return { matched: Number(counts.matched), total: Number(counts.total), sample };
}

export async function countMatchingUsers(node: CriteriaNode, now: Date, db?: Database): Promise<number> {
  const executor = db ?? (await getDb());
  const [row] = await queryRows<{ matched: number }>(
    executor,
    sql`select count(*)::int as matched from users where ${matchSql(node, now)}`,
  );
  return Number(row.matched);
}

/** A slice of users by id: after `after` (exclusive) up to `upTo` (inclusive); an open end when absent. */
export interface UserIdRange {
  after?: string;
  upTo?: string;
}

/**
 * Splits the users into slices of about `batchSize` by id: the ids that end each slice but the last.
 * One sort of the primary key; the slices then cover every id, also of users added meanwhile.
 */
export async function userIdBoundaries(batchSize: number, db?: Database): Promise<string[]> {
  const executor = db ?? (await getDb());
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`select id from (select id, row_number() over (order by id) as n from users) numbered
        where n % ${batchSize} = 0 order by id`,
  );
  return rows.map((r) => r.id);
}

/**
 * The number of users a refresh would scan. Counted, not taken from the planner's statistics: those can
 * be stale by a whole bulk import, and the count costs a fraction of the refresh it decides about.
 */
export async function countUsers(db?: Database): Promise<number> {
  const executor = db ?? (await getDb());
  const [row] = await executor.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}

export interface RefreshCounts {
  added: number;
  removed: number;
  /** Criteria members whose confidence changed (their reason is rewritten with it). */
  rescored: number;
}

/**
 * Brings a segment's criteria members in line with its criteria in one statement: inserts users who
 * match and are not members, deletes criteria members who no longer match (manual members stay),
 * rescores criteria members whose confidence changed, and records every join and leave. Rows whose
 * state did not change are not written, so a refresh after a few profile changes touches only those.
 * The caller holds the segment lock and updates member_count.
 */
export async function refreshCriteriaMembers(
  segmentId: string,
  node: CriteriaNode,
  now: Date,
  tx: Database,
  range?: UserIdRange,
): Promise<RefreshCounts> {
  const inRange = (column: SQL) =>
    sql.join(
      [
        sql`true`,
        ...(range?.after ? [sql`${column} > ${range.after}::uuid`] : []),
        ...(range?.upTo ? [sql`${column} <= ${range.upTo}::uuid`] : []),
      ],
      sql` and `,
    );
  const [row] = await queryRows<RefreshCounts>(
    tx,
    sql`with scanned as materialized (
          select "users"."id" as user_id, c.confidence, m.user_id is null as is_new, d.changed,
                 case when d.changed then ${assignmentReasonSql(node, now)} end as reason
          from users
          cross join lateral (select ${confidenceSql(node, now)} as confidence) as c
          left join segment_members m on m.segment_id = ${segmentId}::uuid and m.user_id = "users"."id"
          cross join lateral (
            select m.user_id is null or (m.source = 'criteria' and m.confidence_score is distinct from c.confidence)
              as changed
          ) as d
          where ${matchSql(node, now)} and ${inRange(sql`"users"."id"`)}
        ),
        removed as (
          delete from segment_members m
          where m.segment_id = ${segmentId}::uuid and m.source = 'criteria' and ${inRange(sql`m.user_id`)}
            and not exists (select 1 from scanned s where s.user_id = m.user_id)
          returning m.user_id
        ),
        written as (
          insert into segment_members (segment_id, user_id, confidence_score, assignment_reason, source)
          select ${segmentId}::uuid, user_id, confidence, reason, 'criteria' from scanned where changed
          on conflict (segment_id, user_id) do update
            set confidence_score = excluded.confidence_score,
                assignment_reason = excluded.assignment_reason,
                updated_at = now()
          returning 1
        ),
        events as (
          insert into segment_membership_events (segment_id, user_id, event, source)
          select ${segmentId}::uuid, user_id, 'leave', 'criteria' from removed
          union all
          select ${segmentId}::uuid, user_id, 'join', 'criteria' from scanned where changed and is_new
          returning 1
        )
        select (select count(*) from scanned where changed and is_new)::int as added,
               (select count(*) from removed)::int as removed,
               (select count(*) from scanned where changed and not is_new)::int as rescored`,
  );
  return { added: Number(row.added), removed: Number(row.removed), rescored: Number(row.rescored) };
}

/** One user's outcome for every condition, the overall match and confidence, and the profile. */
export async function explainUser(node: CriteriaNode, now: Date, userId: string, db?: Database) {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({
      user: users,
      results: sql<boolean[]>`${conditionResultsSql(node, now)}`,
      matches: sql<boolean>`coalesce(${matchSql(node, now)}, false)`,
      confidence: sql<number>`${confidenceSql(node, now)}`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export interface FieldValueRow {
  field: string;
  value: string;
  count: number;
}

/** The most common values of the categorical fields, as present in the data (for the builder's pickers). */
export async function listFieldValues(limitPerField: number, db?: Database): Promise<FieldValueRow[]> {
  const executor = db ?? (await getDb());
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
  const executor = db ?? (await getDb());
  const rows = await queryRows<{ key: string; count: number }>(
    executor,
    sql`select k as key, count(*)::int as count from users, jsonb_object_keys(traits) as k
        group by k order by count desc, k limit ${limit}`,
  );
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

export async function insertRevision(
  values: {
    segment_id: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    definition: Record<string, unknown>;
    estimated_size: number;
  },
  tx: Database,
): Promise<void> {
  // The caller holds the segment lock, so the next number cannot be taken twice.
  await tx.execute(
    sql`insert into segment_revisions (segment_id, revision, changes, definition, estimated_size)
        select ${values.segment_id}::uuid, coalesce(max(revision), 0) + 1, ${JSON.stringify(values.changes)}::jsonb,
               ${JSON.stringify(values.definition)}::jsonb, ${values.estimated_size}
        from segment_revisions where segment_id = ${values.segment_id}::uuid`,
  );
}

export async function listRevisions(segmentId: string, limit: number, offset: number, db?: Database) {
  const executor = db ?? (await getDb());
  const where: SQL | undefined = and(eq(segmentRevisions.segment_id, segmentId));
  const [items, [{ total }]] = await Promise.all([
    executor
      .select({
        revision: segmentRevisions.revision,
        changes: segmentRevisions.changes,
        definition: segmentRevisions.definition,
        estimated_size: segmentRevisions.estimated_size,
        created_at: segmentRevisions.created_at,
      })
      .from(segmentRevisions)
      .where(where)
      .orderBy(desc(segmentRevisions.revision))
      .limit(limit)
      .offset(offset),
    executor.select({ total: count() }).from(segmentRevisions).where(where),
  ]);
  return { items, total };
}
