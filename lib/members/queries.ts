import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { MemberIdentifiers } from "./schemas";

// Lock order, to keep concurrent writers free of deadlocks: user rows first (ORDER BY id), then segment
// rows (ORDER BY id). Adding members takes FOR KEY SHARE on the users (what the foreign key check
// takes anyway), deleting users takes FOR UPDATE on them, and both lock segments only afterwards.

const jsonArray = (values: readonly string[]) => sql`${JSON.stringify(values)}::jsonb`;

/**
 * The ids of the users that the identifiers name, as a subquery: one index lookup per list,
 * whatever the number of identifiers (they travel as three JSON parameters).
 */
function identifiedUserIds(identifiers: MemberIdentifiers): SQL {
  return sql`(
    select value::uuid from jsonb_array_elements_text(${jsonArray(identifiers.user_ids ?? [])})
    union select by_email.id from users by_email
      join jsonb_array_elements_text(${jsonArray(identifiers.emails ?? [])}) e on by_email.email = e.value
    union select by_external.id from users by_external
      join jsonb_array_elements_text(${jsonArray(identifiers.external_ids ?? [])}) x
        on by_external.external_id = x.value
  )`;
}

export interface IdentifiedUser {
  id: string;
  email: string | null;
  external_id: string | null;
}

/** The users the identifiers name, locked FOR KEY SHARE (they cannot be deleted until the transaction ends). */
export async function lockIdentifiedUsers(
  identifiers: MemberIdentifiers,
  tx: Database,
): Promise<IdentifiedUser[]> {
  return queryRows<IdentifiedUser>(
    tx,
    sql`select u.id::text as id, u.email, u.external_id from users u
      where u.id in ${identifiedUserIds(identifiers)}
      order by u.id for key share of u`,
  );
}

export interface AddMembersOptions {
  confidence_score?: number;
  /** Undefined keeps an existing member's reason. */
  assignment_reason?: Record<string, unknown> | null;
}

/**
 * Adds the users to the segment as manual members, or updates them where they are members already,
 * records a join event per new member and adds exactly the inserted rows to member_count: one statement.
 * The caller holds the segment's lock (lockSegment), and so does every writer of memberships (the refresh,
 * re-evaluation, the removals and user deletion lock the segment row first): no other transaction adds a
 * member of this segment meanwhile, so the anti-join alone decides what is new, and the insert needs no
 * ON CONFLICT, which would make every row a speculative insertion (a second probe of the unique index).
 * The ids travel as one uuid[] in the order given: lockIdentifiedUsers answers them sorted, so the unique
 * index and the foreign key's lookups in users are walked in order.
 */
export async function upsertManualMembers(
  segmentId: string,
  userIds: readonly string[],
  options: AddMembersOptions,
  tx: Database,
): Promise<{ added: number; updated: number; member_count: number }> {
  const score = options.confidence_score ?? null;
  const keepReason = options.assignment_reason === undefined;
  const reason = options.assignment_reason == null ? null : JSON.stringify(options.assignment_reason);
  const [row] = await queryRows<{ added: number; updated: number; member_count: number }>(
    tx,
    sql`with target as (
        select user_id from unnest(${arrayLiteral([...new Set(userIds)])}::uuid[]) as t(user_id)
      ), updated as (
        update segment_members m
        set confidence_score = coalesce(${score}::float8, m.confidence_score),
          assignment_reason = case when ${keepReason}::boolean then m.assignment_reason else ${reason}::jsonb end,
          source = 'manual', updated_at = now()
        from target t
        where m.segment_id = ${segmentId}::uuid and m.user_id = t.user_id
        returning m.user_id
      ), inserted as (
        insert into segment_members (segment_id, user_id, confidence_score, assignment_reason, source)
        select ${segmentId}::uuid, t.user_id, coalesce(${score}::float8, 1.0), ${reason}::jsonb, 'manual'
        from target t
        where not exists (
          select 1 from segment_members m where m.segment_id = ${segmentId}::uuid and m.user_id = t.user_id
        )
        returning user_id
      ), joined as (
        insert into segment_membership_events (segment_id, user_id, event, source)
        select ${segmentId}::uuid, user_id, 'join', 'manual' from inserted
      ), segment as (
        update audience_segments set member_count = member_count + (select count(*) from inserted)
        where id = ${segmentId}::uuid
        returning member_count
      )
      select (select count(*) from inserted)::int as added,
        (select count(*) from updated)::int as updated,
        (select member_count from segment) as member_count`,
  );
  return row;
}

export interface RemovedMember {
  user_id: string;
  email: string | null;
  external_id: string | null;
}

/**
 * Removes the identified users from the segment, records a leave event each and subtracts exactly
 * the deleted rows from member_count: one statement. The caller holds the segment's lock.
 */
export async function removeMembers(
  segmentId: string,
  identifiers: MemberIdentifiers,
  tx: Database,
): Promise<{ removed: RemovedMember[]; member_count: number }> {
  const rows = await queryRows<RemovedMember & { member_count: number }>(
    tx,
    sql`with removed as (
        delete from segment_members m using users u
        where m.segment_id = ${segmentId}::uuid and m.user_id = u.id and u.id in ${identifiedUserIds(identifiers)}
        returning u.id, u.email, u.external_id
      ), left_segment as (
        insert into segment_membership_events (segment_id, user_id, event, source)
        select ${segmentId}::uuid, id, 'leave', 'manual' from removed
      ), segment as (
        update audience_segments set member_count = member_count - (select count(*) from removed)
        where id = ${segmentId}::uuid
        returning member_count
      )
      select r.id::text as user_id, r.email, r.external_id, s.member_count
      from segment s left join removed r on true`,
  );
  return {
    removed: rows.filter((row) => row.user_id !== null),
    member_count: rows[0]?.member_count ?? 0,
  };
}

/**
 * Takes the users out of every segment before they are deleted: locks the users, then the segments
 * they belong to (ORDER BY id, so that two deletions cannot deadlock), records a leave event per
 * membership, subtracts the removed rows from each segment's member_count and deletes the memberships.
 * Deleting the users would cascade to their memberships, but silently: member_count would drift.
 */
export async function removeUserFromAllSegments(userIds: string[], tx: Database): Promise<void> {
  if (userIds.length === 0) return;
  const ids = jsonArray(userIds);
  const target = sql`(select value::uuid from jsonb_array_elements_text(${ids}))`;
  // With the users locked FOR UPDATE no membership can be added for them (the foreign key check
  // needs FOR KEY SHARE), so the segments found next are all there are.
  await tx.execute(sql`select id from users where id in ${target} order by id for update`);
  await tx.execute(
    sql`select id from audience_segments
      where id in (select segment_id from segment_members where user_id in ${target})
      order by id for update`,
  );
  await tx.execute(
    sql`with removed as (
        delete from segment_members where user_id in ${target}
        returning segment_id, user_id, source
      ), left_segment as (
        insert into segment_membership_events (segment_id, user_id, event, source)
        select segment_id, user_id, 'leave', source from removed
      ), per_segment as (
        select segment_id, count(*)::int as n from removed group by segment_id
      )
      update audience_segments s set member_count = s.member_count - p.n
      from per_segment p where s.id = p.segment_id`,
  );
}
