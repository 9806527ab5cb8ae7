import { asc, eq, inArray, sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { contentPerformanceDaily, contentPerformanceHistory, personalizedContent } from "@/db/schema";
import { api } from "./api";
import { uniqueName } from "./factories";
import { seedContent } from "./seed-content";

/** Personalized content for a new segment and a new content item, through the API. */
export async function createPersonalized(body: Record<string, unknown> = {}) {
  const segment = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Perf"), criteria: {} });
  const content = await seedContent();
  const res = await api("POST", "/api/v1/segments/personalized", {
    content_id: content.id,
    segment_id: segment.body.id,
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; segment_id: string };
}

/** The performance history of one item, oldest first. */
export async function history(id: string) {
  const db = await getDb();
  return db
    .select({
      views: contentPerformanceHistory.view_count,
      engagement: contentPerformanceHistory.engagement_count,
      conversions: contentPerformanceHistory.conversion_count,
      rate: contentPerformanceHistory.engagement_rate,
    })
    .from(contentPerformanceHistory)
    .where(eq(contentPerformanceHistory.personalized_content_id, id))
    .orderBy(asc(contentPerformanceHistory.id));
}

/** The daily rows of one item, by day. */
export async function daily(id: string) {
  const db = await getDb();
  return db
    .select({
      day: contentPerformanceDaily.day,
      views: contentPerformanceDaily.views,
      engagements: contentPerformanceDaily.engagements,
      conversions: contentPerformanceDaily.conversions,
    })
    .from(contentPerformanceDaily)
    .where(eq(contentPerformanceDaily.personalized_content_id, id))
    .orderBy(asc(contentPerformanceDaily.day));
}

/** The stored counters next to the sums of the daily rows: every change goes through both. */
export async function countersAndDailySums(ids: string[]) {
  const db = await getDb();
  const counters = await db
    .select({
      id: personalizedContent.id,
      views: personalizedContent.view_count,
      engagement: personalizedContent.engagement_count,
      conversions: personalizedContent.conversion_count,
    })
    .from(personalizedContent)
    .where(inArray(personalizedContent.id, ids))
    .orderBy(asc(personalizedContent.id));
  const sums = await db
    .select({
      id: contentPerformanceDaily.personalized_content_id,
      views: sql<number>`sum(${contentPerformanceDaily.views})::int`,
      engagement: sql<number>`sum(${contentPerformanceDaily.engagements})::int`,
      conversions: sql<number>`sum(${contentPerformanceDaily.conversions})::int`,
    })
    .from(contentPerformanceDaily)
    .where(inArray(contentPerformanceDaily.personalized_content_id, ids))
    .groupBy(contentPerformanceDaily.personalized_content_id)
    .orderBy(asc(contentPerformanceDaily.personalized_content_id));
  return { counters, sums };
}
