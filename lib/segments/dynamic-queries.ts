import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";
import { audienceSegments } from "@/db/schema";
import { type CriteriaNode, listConditions } from "@/lib/criteria/ast";
import { conditionSql, confidenceSql, matchSql, referencedValuesSql } from "@/lib/criteria/compile-sql";

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The active dynamic segments, locked in id order so that concurrent calls queue instead of deadlocking. */
export async function lockDynamicSegments(tx: Database) {
  return tx
    .select({ id: audienceSegments.id, criteria: audienceSegments.criteria })
    .from(audienceSegments)
    .where(and(eq(audienceSegments.status, "active"), eq(audienceSegments.membership_mode, "dynamic")))
    .orderBy(asc(audienceSegments.id))
    .for("update");
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
 */
export async function evaluateUsers(
  segments: { id: string; node: CriteriaNode }[],
  userIds: string[],
  now: Date,
  tx: Database,
): Promise<UserOutcome[]> {
  const matches = segments.map(({ node }) => sql`coalesce(${matchSql(node, now)}, false)`);
  const confidences = segments.map(({ node }) => confidenceSql(node, now));
  const conditions = segments.flatMap(({ node }) => listConditions(node));
  const passed =
    conditions.length === 0
      ? sql`array[]::boolean[]`
      : sql`array[${sql.join(
          conditions.map((c) => sql`coalesce(${conditionSql(c, now)}, false)`),
          sql`, `,
        )}]::boolean[]`;
  const rows = await queryRows<UserOutcome>(
    tx,
    sql`select "users"."id" as user_id,
               array[${sql.join(matches, sql`, `)}]::boolean[] as matches,
               array[${sql.join(confidences, sql`, `)}]::float8[] as confidences,
               ${passed} as passed,
               ${referencedValuesSql(conditions)} as profile_values,
               (select coalesce(jsonb_agg(jsonb_build_array(m.segment_id, m.source, m.confidence_score)), '[]'::jsonb)
                from segment_members m
                where m.user_id = "users"."id" and m.segment_id in (${uuidList(segments.map((s) => s.id))})
               ) as memberships
        from users where "users"."id" in (${uuidList(userIds)})`,
  );
  return rows.map((r) => ({
    ...r,
    confidences: r.confidences.map(Number),
    memberships: typeof r.memberships === "string" ? JSON.parse(r.memberships) : r.memberships,
    profile_values: typeof r.profile_values === "string" ? JSON.parse(r.profile_values) : r.profile_values,
  }));
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
export async function applyMembershipChanges(changes: MembershipChanges, tx: Database): Promise<void> {
  const noRows = sql`select null::uuid, null::uuid, null::float8, false, null::jsonb where false`;
  const writes =
    changes.writes.length === 0
      ? noRows
      : sql`values ${sql.join(
          changes.writes.map(
            (w) =>
              sql`(${w.segment_id}::uuid, ${w.user_id}::uuid, ${w.confidence}::float8, ${sql.raw(String(w.is_new))},
                  ${JSON.stringify(w.reason)}::jsonb)`,
          ),
          sql`, `,
        )}`;
  const leaves =
    changes.leaves.length === 0
      ? sql`select null::uuid, null::uuid where false`
      : sql`values ${sql.join(
          changes.leaves.map((l) => sql`(${l.segment_id}::uuid, ${l.user_id}::uuid)`),
          sql`, `,
        )}`;
  await tx.execute(
    sql`with w(segment_id, user_id, confidence, is_new, reason) as (${writes}),
        l(segment_id, user_id) as (${leaves}),
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
