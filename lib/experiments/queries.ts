import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";
import { content, experimentAllocations, experimentAssignments, personalizedContent } from "@/db/schema";

/**
 * Every personalized content item of the segment, the control first. `in_experiment` marks the A/B arms (a
 * variant id, or the control); the others still take part in the traffic split, so shares are computed over all.
 */
export async function listSegmentArms(segmentId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  return executor
    .select({
      personalized_content_id: personalizedContent.id,
      variant_id: personalizedContent.variant_id,
      is_control: personalizedContent.is_control,
      title: content.title,
      views: personalizedContent.view_count,
      engagements: personalizedContent.engagement_count,
      conversions: personalizedContent.conversion_count,
      traffic_weight: personalizedContent.traffic_weight,
      in_experiment: sql<boolean>`(${personalizedContent.variant_id} is not null or ${personalizedContent.is_control})`,
    })
    .from(personalizedContent)
    .innerJoin(content, eq(content.id, personalizedContent.content_id))
    .where(eq(personalizedContent.segment_id, segmentId))
    .orderBy(
      desc(personalizedContent.is_control),
      asc(personalizedContent.variant_id),
      asc(personalizedContent.id),
    );
}

export type SegmentArm = Awaited<ReturnType<typeof listSegmentArms>>[number];

/**
 * Per arm: the users exposed to it (their assignments), and how many of them converted or engaged with that
 * arm's content at or after their first exposure. One pass over the segment's assignments.
 */
export async function countUsersByArm(segmentId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<{
    personalized_content_id: string;
    users: number | string;
    converted: number | string;
    engaged: number | string;
  }>(
    executor,
    sql`
      select a.personalized_content_id,
        count(*) as users,
        count(*) filter (where exists (
          select 1 from events e
          where e.user_id = a.user_id and e.personalized_content_id = a.personalized_content_id
            and e.name = 'content_conversion' and e.occurred_at >= a.exposed_at)) as converted,
        count(*) filter (where exists (
          select 1 from events e
          where e.user_id = a.user_id and e.personalized_content_id = a.personalized_content_id
            and e.name = 'content_engagement' and e.occurred_at >= a.exposed_at)) as engaged
      from experiment_assignments a
      where a.segment_id = ${segmentId}
      group by a.personalized_content_id`,
  );
  return new Map(
    rows.map((row) => [
      row.personalized_content_id,
      { users: Number(row.users), converted: Number(row.converted), engaged: Number(row.engaged) },
    ]),
  );
}

/** The segment's assignments grouped by the split in force when they were made: its shares and users per arm. */
export async function listAssignmentGroups(segmentId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  const rows = await executor
    .select({
      allocation_id: experimentAssignments.allocation_id,
      shares: experimentAllocations.shares,
      personalized_content_id: experimentAssignments.personalized_content_id,
      users: sql<number>`count(*)::int`,
    })
    .from(experimentAssignments)
    .leftJoin(experimentAllocations, eq(experimentAllocations.id, experimentAssignments.allocation_id))
    .where(eq(experimentAssignments.segment_id, segmentId))
    .groupBy(
      experimentAssignments.allocation_id,
      experimentAllocations.shares,
      experimentAssignments.personalized_content_id,
    );
  const groups = new Map<
    number | null,
    { shares: Record<string, number> | null; users: Record<string, number> }
  >();
  for (const row of rows) {
    const group = groups.get(row.allocation_id) ?? { shares: row.shares ?? null, users: {} };
    group.users[row.personalized_content_id] = Number(row.users);
    groups.set(row.allocation_id, group);
  }
  return [...groups.values()];
}
