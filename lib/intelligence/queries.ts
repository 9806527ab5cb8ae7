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
