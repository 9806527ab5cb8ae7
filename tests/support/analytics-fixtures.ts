// Test data for the analytics, experiment and overlap tests, inserted directly so that these tests do not
// depend on the members and personalized-content endpoints. Membership rows keep member_count and the
// membership history consistent, as the members service does.
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  audienceSegments,
  content,
  contentPerformanceDaily,
  personalizedContent,
  segmentMembers,
  segmentMembershipEvents,
  users,
} from "@/db/schema";
import { api } from "./api";
import { uniqueName } from "./factories";

export interface SegmentFixture {
  id: string;
  segment_name: string;
  member_count: number;
  updated_at: string;
}

export async function createSegmentFixture(name = "Analytics"): Promise<SegmentFixture> {
  const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName(name), criteria: {} });
  if (res.status !== 201) throw new Error(`segment fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Noon (UTC) `daysAgo` days before today, as a Date. */
export function daysAgo(days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days, 12));
}

/** The UTC day `days` before today, YYYY-MM-DD. */
export function dayString(days: number): string {
  return daysAgo(days).toISOString().slice(0, 10);
}

export async function insertUsers(count: number): Promise<string[]> {
  const db = await getDb();
  const tag = uniqueName("user").replaceAll(" ", "-");
  const rows = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({ email: `${tag}-${i}@example.com`, name: `User ${i}` })),
    )
    .returning({ id: users.id });
  return rows.map((row) => row.id);
}

export async function addMembers(segmentId: string, userIds: string[], at = new Date()): Promise<void> {
  if (userIds.length === 0) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(segmentMembers)
      .values(userIds.map((user_id) => ({ segment_id: segmentId, user_id, joined_at: at })));
    await tx
      .insert(segmentMembershipEvents)
      .values(userIds.map((user_id) => ({ segment_id: segmentId, user_id, event: "join", occurred_at: at })));
    await tx
      .update(audienceSegments)
      .set({ member_count: sql`${audienceSegments.member_count} + ${userIds.length}` })
      .where(eq(audienceSegments.id, segmentId));
  });
}

export async function removeMembers(segmentId: string, userIds: string[], at = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .delete(segmentMembers)
      .where(sql`${segmentMembers.segment_id} = ${segmentId} and ${segmentMembers.user_id} in ${userIds}`);
    await tx
      .insert(segmentMembershipEvents)
      .values(
        userIds.map((user_id) => ({ segment_id: segmentId, user_id, event: "leave", occurred_at: at })),
      );
    await tx
      .update(audienceSegments)
      .set({ member_count: sql`${audienceSegments.member_count} - ${userIds.length}` })
      .where(eq(audienceSegments.id, segmentId));
  });
}

export interface ContentFixture {
  title?: string;
  variant_id?: string | null;
  is_control?: boolean;
  views?: number;
  engagement?: number;
  conversions?: number;
}

/** A content item and its personalized copy for the segment, with the given counters. */
export async function insertPersonalizedContent(
  segmentId: string,
  fixture: ContentFixture = {},
): Promise<string> {
  const db = await getDb();
  const [item] = await db
    .insert(content)
    .values({ title: fixture.title ?? uniqueName("Content") })
    .returning({ id: content.id });
  const views = fixture.views ?? 0;
  const engagement = fixture.engagement ?? 0;
  const [row] = await db
    .insert(personalizedContent)
    .values({
      content_id: item.id,
      segment_id: segmentId,
      variant_id: fixture.variant_id ?? null,
      is_control: fixture.is_control ?? false,
      view_count: views,
      engagement_count: engagement,
      conversion_count: fixture.conversions ?? 0,
      engagement_rate: views > 0 ? (100 * engagement) / views : 0,
    })
    .returning({ id: personalizedContent.id });
  return row.id;
}

export async function insertDailyPerformance(
  personalizedContentId: string,
  day: string,
  figures: { views: number; engagements: number; conversions: number },
): Promise<void> {
  const db = await getDb();
  await db
    .insert(contentPerformanceDaily)
    .values({ personalized_content_id: personalizedContentId, day, ...figures });
}

export async function setCounters(
  personalizedContentId: string,
  counters: { view_count?: number; engagement_count?: number; conversion_count?: number },
): Promise<void> {
  const db = await getDb();
  await db.update(personalizedContent).set(counters).where(eq(personalizedContent.id, personalizedContentId));
}
