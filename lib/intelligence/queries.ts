import "server-only";
import { sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";

export interface SegmentSummaryRow {
  id: string;
  segment_name: string;
  status: string;
  criteria: unknown;
  member_count: number;
}

export async function readSegmentSummaries(db?: Database): Promise<SegmentSummaryRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<SegmentSummaryRow>(
    executor,
    sql`select id, segment_name, status, criteria, member_count from audience_segments order by segment_name, id`,
  );
}

export interface ContentEvidenceRow {
  segment_id: string;
  content_id: string;
  title: string;
  content_type: string;
  views: number;
  engagements: number;
  conversions: number;
}

/**
 * Each content item's counters per segment it is used in (summed over its arms there). Engagements and
 * conversions above the views are capped at the views: a rate above 100% is a counting error, not evidence.
 */
export async function readContentEvidence(db?: Database): Promise<ContentEvidenceRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<ContentEvidenceRow>(
    executor,
    sql`
      select p.segment_id, p.content_id, c.title, c.content_type,
        sum(p.view_count)::float8 as views,
        sum(least(p.engagement_count, p.view_count))::float8 as engagements,
        sum(least(p.conversion_count, p.view_count))::float8 as conversions
      from personalized_content p join content c on c.id = p.content_id
      group by p.segment_id, p.content_id, c.title, c.content_type
      order by p.segment_id, p.content_id`,
  );
}

/** Members of this segment shared with each other segment (only segments that share any). */
export async function readSharedMembers(
  segmentId: string,
  db?: Database,
): Promise<{ segment_id: string; shared: number }[]> {
  const executor = await dbOrDefault(db);
  return queryRows(
    executor,
    sql`
      select b.segment_id, count(*)::float8 as shared
      from segment_members a join segment_members b on b.user_id = a.user_id and b.segment_id <> a.segment_id
      where a.segment_id = ${segmentId}
      group by b.segment_id`,
  );
}

export interface SegmentPerformanceRow {
  segment_id: string;
  segment_name: string;
  views: number;
  engagements: number;
  conversions: number;
}

/** Each segment's content counters, summed (successes capped at views per item). Segments without content too. */
export async function readSegmentPerformance(db?: Database): Promise<SegmentPerformanceRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<SegmentPerformanceRow>(
    executor,
    sql`
      select s.id as segment_id, s.segment_name,
        coalesce(sum(p.view_count), 0)::float8 as views,
        coalesce(sum(least(p.engagement_count, p.view_count)), 0)::float8 as engagements,
        coalesce(sum(least(p.conversion_count, p.view_count)), 0)::float8 as conversions
      from audience_segments s left join personalized_content p on p.segment_id = s.id
      group by s.id, s.segment_name
      order by s.id`,
  );
}

export interface ProfileValueRow {
  field: string;
  value: string;
  users: number;
  engaged: number;
}

/**
 * Per profile value: the users who saw personalized content (a content view or engagement in the event
 * stream) and how many of them engaged. Ages are grouped by decade; each interest counts on its own.
 */
export async function readProfileValueEngagement(db?: Database): Promise<ProfileValueRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<ProfileValueRow>(
    executor,
    sql`
      with viewers as (
        select e.user_id, bool_or(e.name = 'content_engagement') as engaged
        from events e
        where e.personalized_content_id is not null and e.name in ('content_view', 'content_engagement')
        group by e.user_id
      ),
      profile as (
        select v.engaged, u.location, u.gender, u.engagement_level, u.engagement_frequency, u.age, u.interests
        from viewers v join users u on u.id = v.user_id
      ),
      pairs as (
        select 'location' as field, location as value, engaged from profile where location is not null
        union all select 'gender', gender, engaged from profile where gender is not null
        union all select 'engagement_level', engagement_level, engaged from profile where engagement_level is not null
        union all select 'engagement_frequency', engagement_frequency, engaged from profile
          where engagement_frequency is not null
        union all select 'age', ((age / 10) * 10)::text || '–' || ((age / 10) * 10 + 9)::text, engaged from profile
          where age is not null
        union all select 'interests', interest, engaged from profile cross join lateral unnest(interests) as interest
      )
      select field, value, count(*)::float8 as users, (count(*) filter (where engaged))::float8 as engaged
      from pairs group by field, value
      union all
      select '*', '*', count(*)::float8, (count(*) filter (where engaged))::float8 from viewers
      order by field, value`,
  );
}

/**
 * Segments that deliver personalized content: active, with content, and an experiment that is not paused or
 * stopped (no settings row means the default, running).
 */
const runningSegments = sql`
  select s.id from audience_segments s
  left join experiment_settings x on x.segment_id = s.id
  where s.status = 'active' and coalesce(x.status, 'running') not in ('paused', 'stopped')
    and exists (select 1 from personalized_content p where p.segment_id = s.id)`;

export interface CompetingContentRow {
  running_segments: number;
  competing_users: number;
}

/** Members who belong to two or more segments that deliver personalized content. */
export async function readCompetingUsers(db?: Database): Promise<CompetingContentRow> {
  const executor = await dbOrDefault(db);
  const [row] = await queryRows<CompetingContentRow>(
    executor,
    sql`
      with running as (${runningSegments})
      select (select count(*) from running)::int as running_segments,
        (select count(*) from (
          select m.user_id from segment_members m join running r on r.id = m.segment_id
          group by m.user_id having count(*) >= 2) competing)::float8 as competing_users`,
  );
  return row;
}

export interface CompetingPairRow {
  segment_a: string;
  segment_a_name: string;
  segment_b: string;
  segment_b_name: string;
  shared_members: number;
}

/** The pairs of delivering segments that share the most members. */
export async function readCompetingPairs(limit: number, db?: Database): Promise<CompetingPairRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<CompetingPairRow>(
    executor,
    sql`
      with running as (${runningSegments}),
      pairs as (
        select a.segment_id as segment_a, b.segment_id as segment_b, count(*)::float8 as shared_members
        from segment_members a
        join running ra on ra.id = a.segment_id
        join segment_members b on b.user_id = a.user_id and b.segment_id > a.segment_id
        join running rb on rb.id = b.segment_id
        group by a.segment_id, b.segment_id
      )
      select p.segment_a, sa.segment_name as segment_a_name, p.segment_b, sb.segment_name as segment_b_name,
        p.shared_members
      from pairs p
      join audience_segments sa on sa.id = p.segment_a
      join audience_segments sb on sb.id = p.segment_b
      order by p.shared_members desc, p.segment_a, p.segment_b
      limit ${limit}`,
  );
}
