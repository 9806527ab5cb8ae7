import "server-only";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { queryRenderedPrepared } from "@/db/rows";
import { audienceSegments } from "@/db/schema";
import { type CriteriaNode, listConditions } from "@/lib/criteria/ast";
import {
  conditionSql,
  confidenceSql,
  matchSql,
  reasonFields,
  referencedValuesSql,
} from "@/lib/criteria/compile-sql";
import { renderWithTemplate } from "./statement-template";

// Ids travel as one jsonb parameter, so 10,000 users are one parameter, not 10,000.
const uuidList = (ids: string[]) =>
  sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

const dialect = new PgDialect();

/** How many bind parameters a statement would send (the protocol allows 65,535). */
export function parameterCount(query: SQL): number {
  return dialect.sqlToQuery(query).params.length;
}

/**
 * The active dynamic segments (only `ids`, when given), locked in id order FOR KEY SHARE: a criteria change,
 * a refresh or a manual member change (which lock the row FOR UPDATE) waits for this transaction and this
 * one for them, so the criteria and memberships it evaluates are the committed ones; but other users'
 * re-evaluations (KEY SHARE too) and member_count moves (NO KEY UPDATE) go on in parallel. Only the segments
 * whose membership changes are then locked for writing (applyMembershipChanges). Locking only those
 * alone would miss a criteria change committed between an unlocked read and the lock.
 */
export type LockedSegment = Awaited<ReturnType<typeof lockDynamicSegments>>[number];

export async function lockDynamicSegments(tx: Database) {
  // The criteria as text: re-evaluation parses each distinct text once (dynamic-membership.ts).
  return tx
    .select({ id: audienceSegments.id, criteria: sql<string>`${audienceSegments.criteria}::text` })
    .from(audienceSegments)
    .where(and(eq(audienceSegments.status, "active"), eq(audienceSegments.membership_mode, "dynamic")))
    .orderBy(asc(audienceSegments.id))
    .for("key share");
}

export interface UserOutcome {
  user_id: string;
  /** One entry per segment, in the order given. */
  matches: boolean[];
  confidences: number[];
  /** Every condition's outcome, segment after segment, in listConditions order (for the reasons). */
  passed: boolean[];
  /** The profile values the conditions look at, keyed by field. */
  profile_values: Record<string, unknown>;
  /** The user's current memberships in these segments: [segment_id, source, confidence_score]. */
  memberships: [string, string, number][];
}

/**
 * Every given user against every segment, with their current memberships, in one read: only the match and
 * confidence expressions, so that the statement stays small enough to plan in a few milliseconds.
 * Callers pass a batch of segments (batchSegments) so that the statement's parameters stay bounded.
 */
export async function evaluateUsers(
  segments: { id: string; node: CriteriaNode }[],
  userIds: string[],
  now: Date,
  tx: Database,
): Promise<UserOutcome[]> {
  // The statement's text depends only on the segments: rendered once per set of criteria (statement-template).
  const key = segments.map((s) => `${s.id}:${nodeKey(s.node)}`).join("\n");
  const statement = renderWithTemplate(
    key,
    (at, users) => evaluateUsersSql(segments, users, at),
    now,
    userIds,
  );
  return queryRenderedPrepared<UserOutcome>(tx, statement).then((rows) =>
    rows.map((r) => ({
      ...r,
      confidences: r.confidences.map(Number),
      memberships: typeof r.memberships === "string" ? JSON.parse(r.memberships) : r.memberships,
      profile_values: typeof r.profile_values === "string" ? JSON.parse(r.profile_values) : r.profile_values,
    })),
  );
}

/** The statement evaluateUsers runs (exported so that its size can be measured). */
export function evaluateUsersSql(
  segments: { id: string; node: CriteriaNode }[],
  userIds: string[],
  now: Date,
): SQL {
  const matches = segments.map(({ node }) => sql`coalesce(${matchSql(node, now)}, false)`);
  const confidences = segments.map(({ node }) => confidenceSql(node, now));
  const conditions = segments.flatMap(({ node }) => listConditions(node));
  // Only the fields a reason shows (reasonFields) are read back.
  const reasonConditions = segments.flatMap(({ node }) => {
    const all = listConditions(node);
    const shown = new Set(reasonFields(all));
    return all.filter((c) => shown.has(c.field));
  });
  const passed =
    conditions.length === 0
      ? sql`array[]::boolean[]`
      : sql`array[${sql.join(
          conditions.map((c) => sql`coalesce(${conditionSql(c, now)}, false)`),
          sql`, `,
        )}]::boolean[]`;
  return sql`select "users"."id" as user_id,
               array[${sql.join(matches, sql`, `)}]::boolean[] as matches,
               array[${sql.join(confidences, sql`, `)}]::float8[] as confidences,
               ${passed} as passed,
               ${referencedValuesSql(reasonConditions, now)} as profile_values,
               (select coalesce(jsonb_agg(jsonb_build_array(m.segment_id, m.source, m.confidence_score)), '[]'::jsonb)
                from segment_members m
                where m.user_id = "users"."id" and m.segment_id in ${uuidList(segments.map((s) => s.id))}
               ) as memberships
        from users where "users"."id" in ${uuidList(userIds)}`;
}

const nodeKeys = new WeakMap<CriteriaNode, string>();

/** A node's JSON text, once per node object (re-evaluation shares parsed nodes between calls). */
function nodeKey(node: CriteriaNode): string {
  let key = nodeKeys.get(node);
  if (key === undefined) {
    key = JSON.stringify(node);
    nodeKeys.set(node, key);
  }
  return key;
}

/**
 * A segment's share of an evaluation statement's parameters. Structural (the clock and the users change
 * values, never their number), so it is remembered per criteria: rendering every segment's statement on
 * each re-evaluation only to count was half of a one-user re-evaluation's time.
 */
const parameterCosts = new Map<string, number>();
const MAX_REMEMBERED_COSTS = 10_000;

function segmentParameterCost(segment: { node: CriteriaNode }, now: Date): number {
  const key = nodeKey(segment.node);
  let cost = parameterCosts.get(key);
  if (cost === undefined) {
    cost = parameterCount(evaluateUsersSql([{ id: "", node: segment.node }], [], now));
    if (parameterCosts.size >= MAX_REMEMBERED_COSTS) parameterCosts.clear();
    parameterCosts.set(key, cost);
  }
  return cost;
}

/** Bind parameters one statement may use for the segments' expressions (far below the 65,535 limit). */
export const SEGMENT_PARAMETER_BUDGET = 20_000;
/** And at most this many segments, so that each statement plans quickly. */
export const SEGMENTS_PER_STATEMENT = 25;

/**
 * Splits the segments into batches whose evaluation statement stays within the parameter budget: each
 * segment's share is measured on its compiled expressions, so no statement nears the protocol's limit
 * whatever the number and size of the dynamic segments.
 */
export function batchSegments<S extends { id: string; node: CriteriaNode }>(segments: S[], now: Date): S[][] {
  const batches: S[][] = [];
  let current: S[] = [];
  let used = 0;
  for (const segment of segments) {
    const cost = segmentParameterCost(segment, now);
    if (
      current.length > 0 &&
      (used + cost > SEGMENT_PARAMETER_BUDGET || current.length >= SEGMENTS_PER_STATEMENT)
    ) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(segment);
    used += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface MembershipChanges {
  /** New or rescored criteria members. */
  writes: {
    segment_id: string;
    user_id: string;
    confidence: number;
    is_new: boolean;
    reason: Record<string, unknown>;
  }[];
  leaves: { segment_id: string; user_id: string }[];
}

/**
 * Applies the changes in one statement: members written with their reasons, leaves deleted, every join and leave recorded, each segment's member_count moved by its delta.
 */
export async function applyMembershipChanges(
  changes: MembershipChanges,
  tx: Database,
  /** Segments to lock with the changed ones (those a later write of the same transaction will change). */
  alsoLock: readonly string[] = [],
): Promise<void> {
  // Rows travel as two jsonb parameters, however many members change.
  const writes = JSON.stringify(
    changes.writes.map((w) => ({
      segment_id: w.segment_id,
      user_id: w.user_id,
      confidence: w.confidence,
      is_new: w.is_new,
      reason: w.reason,
    })),
  );
  const leaves = JSON.stringify(
    changes.leaves.map((l) => ({ segment_id: l.segment_id, user_id: l.user_id })),
  );
  const changed = [...new Set([...changes.writes, ...changes.leaves].map((c) => c.segment_id))];
  const toLock = [...new Set([...changed, ...alsoLock])].sort();
  if (toLock.length === 0) return;
  // The segments whose membership changes, locked for writing in id order: concurrent re-evaluations
  // that change the same segments queue here instead of deadlocking on member_count.
  await tx.execute(
    sql`select id from audience_segments where id in ${uuidList(toLock)} order by id for no key update`,
  );
  if (changed.length === 0) return;
  await tx.execute(
    sql`with w as (
          select * from jsonb_to_recordset(${writes}::jsonb)
            as r(segment_id uuid, user_id uuid, confidence float8, is_new boolean, reason jsonb)
        ),
        l as (select * from jsonb_to_recordset(${leaves}::jsonb) as r(segment_id uuid, user_id uuid)),
        written as (
          insert into segment_members (segment_id, user_id, confidence_score, assignment_reason, source)
          select w.segment_id, w.user_id, w.confidence, w.reason, 'criteria' from w
          on conflict (segment_id, user_id) do update
            set confidence_score = excluded.confidence_score,
                assignment_reason = excluded.assignment_reason,
                updated_at = now()
          returning 1
        ),
        removed as (
          delete from segment_members m using l
          where m.segment_id = l.segment_id and m.user_id = l.user_id and m.source = 'criteria'
          returning m.segment_id, m.user_id
        ),
        events as (
          insert into segment_membership_events (segment_id, user_id, event, source)
          select segment_id, user_id, 'join', 'criteria' from w where is_new
          union all select segment_id, user_id, 'leave', 'criteria' from removed
          returning 1
        ),
        deltas as (
          select segment_id, sum(delta)::int as delta from (
            select segment_id, 1 as delta from w where is_new
            union all select segment_id, -1 from removed
          ) moves group by segment_id
        )
        update audience_segments s set member_count = s.member_count + d.delta
        from deltas d where s.id = d.segment_id and d.delta <> 0`,
  );
}
