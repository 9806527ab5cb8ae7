import "server-only";
import { sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { StoredAnalytics } from "./cache";

// Days are UTC days. `today` and `first day` are computed by the database so that the series and the
// fingerprint agree with the timestamps they are derived from.
const today = sql`(now() at time zone 'UTC')::date`;
const firstDay = (days: number) => sql`(${today} - ${days - 1}::int)`;
const dayStart = (day: ReturnType<typeof sql>) => sql`(${day})::timestamp at time zone 'UTC'`;
const daySeries = (days: number) =>
  sql`select generate_series(${firstDay(days)}, ${today}, interval '1 day')::date as day`;

/**
 * A cheap digest of everything the analytics read: the member count, the latest membership event,
 * the segment's content counters and timestamps, its daily history, and today's date (the series
 * window moves at midnight). Any change to the data changes the digest. Undefined for a missing segment.
 */
export async function readAnalyticsFingerprint(
  segmentId: string,
  db?: Database,
): Promise<string | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await queryRows<{ fingerprint: string }>(
    executor,
    sql`
      select md5(concat_ws('|',
        s.member_count,
        (select max(e.occurred_at) from segment_membership_events e where e.segment_id = s.id),
        pc.items, pc.views, pc.engagement, pc.conversions, pc.last_update, pc.last_content_update,
        daily.days, daily.views, daily.engagements, daily.conversions,
        ${today}
      )) as fingerprint
      from audience_segments s
      cross join lateral (
        select count(*) as items, sum(p.view_count) as views, sum(p.engagement_count) as engagement,
          sum(p.conversion_count) as conversions, max(p.updated_at) as last_update,
          max(c.updated_at) as last_content_update
        from personalized_content p join content c on c.id = p.content_id
        where p.segment_id = s.id
      ) pc
      cross join lateral (
        select count(*) as days, sum(d.views) as views, sum(d.engagements) as engagements,
          sum(d.conversions) as conversions
        from content_performance_daily d
        join personalized_content p on p.id = d.personalized_content_id
        where p.segment_id = s.id
      ) daily
      where s.id = ${segmentId}`,
  );
  return row?.fingerprint;
}

interface GrowthRow {
  date: string;
  joins: number;
  leaves: number;
  members: number;
}

/**
 * Joins and leaves per day, and the members at the end of each day, counted back from the segment's
 * exact `member_count`: members(day) = member_count − net change after that day. Anchoring on the
 * current count keeps the last point equal to it even if history before the window is incomplete.
 */
export async function readMemberGrowth(segmentId: string, days: number, db?: Database): Promise<GrowthRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<GrowthRow>(
    executor,
    sql`
      with days as (${daySeries(days)}),
      daily as (
        select (e.occurred_at at time zone 'UTC')::date as day,
          count(*) filter (where e.event = 'join') as joins,
          count(*) filter (where e.event = 'leave') as leaves
        from segment_membership_events e
        where e.segment_id = ${segmentId} and e.occurred_at >= ${dayStart(firstDay(days))}
        group by 1
      ),
      after_today as (
        select count(*) filter (where e.event = 'join') - count(*) filter (where e.event = 'leave') as net
        from segment_membership_events e
        where e.segment_id = ${segmentId} and e.occurred_at >= ${dayStart(sql`${today} + 1`)}
      )
      select to_char(days.day, 'YYYY-MM-DD') as date,
        coalesce(daily.joins, 0)::int as joins,
        coalesce(daily.leaves, 0)::int as leaves,
        ((select member_count from audience_segments where id = ${segmentId})
          - (select net from after_today)
          - coalesce(sum(coalesce(daily.joins, 0) - coalesce(daily.leaves, 0)) over (
              order by days.day desc rows between unbounded preceding and 1 preceding), 0))::int as members
      from days left join daily on daily.day = days.day
      order by days.day`,
  );
}

export interface SegmentTotals {
  member_count: number;
  content_count: number;
  total_views: number;
  total_engagement: number;
  total_conversions: number;
}

/** The exact member count and the content counters summed over the segment's personalized content. */
export async function readSegmentTotals(segmentId: string, db?: Database): Promise<SegmentTotals> {
  const executor = await dbOrDefault(db);
  const [row] = await queryRows<SegmentTotals>(
    executor,
    sql`
      select (select member_count from audience_segments where id = ${segmentId}) as member_count,
        count(*)::int as content_count,
        coalesce(sum(view_count), 0)::float8 as total_views,
        coalesce(sum(engagement_count), 0)::float8 as total_engagement,
        coalesce(sum(conversion_count), 0)::float8 as total_conversions
      from personalized_content where segment_id = ${segmentId}`,
  );
  return row;
}

export interface ContentPerformanceRow {
  personalized_content_id: string;
  content_id: string;
  title: string;
  variant_id: string | null;
  is_control: boolean;
  views: number;
  engagement: number;
  conversions: number;
  meets_min_views: boolean;
}

/** Items with at least `minViews` views first, by exact engagement rate; then the rest by views. */
export async function readTopContent(
  segmentId: string,
  minViews: number,
  limit: number,
  db?: Database,
): Promise<ContentPerformanceRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<ContentPerformanceRow>(
    executor,
    sql`
      select p.id as personalized_content_id, p.content_id, c.title, p.variant_id, p.is_control,
        p.view_count as views, p.engagement_count as engagement, p.conversion_count as conversions,
        p.view_count >= ${minViews}::int as meets_min_views
      from personalized_content p join content c on c.id = p.content_id
      where p.segment_id = ${segmentId}
      order by p.view_count >= ${minViews}::int desc,
        case when p.view_count >= ${minViews}::int then p.engagement_count::float8 / p.view_count end desc nulls last,
        p.view_count desc, p.id
      limit ${limit}`,
  );
}

interface TrendRow {
  date: string;
  views: number;
  engagement: number;
  conversions: number;
}

/** Views, engagement and conversions per UTC day across the segment's content, zero on quiet days. */
export async function readEngagementTrends(
  segmentId: string,
  days: number,
  db?: Database,
): Promise<TrendRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<TrendRow>(
    executor,
    sql`
      with days as (${daySeries(days)}),
      daily as (
        select d.day, sum(d.views) as views, sum(d.engagements) as engagement, sum(d.conversions) as conversions
        from content_performance_daily d
        join personalized_content p on p.id = d.personalized_content_id
        where p.segment_id = ${segmentId} and d.day >= ${firstDay(days)}
        group by d.day
      )
      select to_char(days.day, 'YYYY-MM-DD') as date,
        coalesce(daily.views, 0)::float8 as views,
        coalesce(daily.engagement, 0)::float8 as engagement,
        coalesce(daily.conversions, 0)::float8 as conversions
      from days left join daily on daily.day = days.day
      order by days.day`,
  );
}

/** Stores an analysis without touching `updated_at`: analysing a segment is not editing it. */
export async function storeAnalytics(
  segmentId: string,
  values: { stored: StoredAnalytics; analyzedAt: Date; estimatedSize: number },
  db?: Database,
): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`
      update audience_segments
      set performance_metrics = ${JSON.stringify(values.stored)}::jsonb,
        last_analyzed_at = ${values.analyzedAt.toISOString()}::timestamptz,
        estimated_size = ${values.estimatedSize}::int
      where id = ${segmentId}
      returning id`,
  );
  return rows.length > 0;
}
