import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { audienceSegments, segmentMembershipEvents } from "@/db/schema";
import { runJobOnce } from "@/lib/scheduler/scheduler";
import { daysAgo } from "@/tests/support/factories";
import { seedUsers } from "@/tests/support/seed-users";
import { applyRetention, retentionJob } from "./retention-job";

async function eventsBySegment(segmentId: string) {
  const db = await getDb();
  return queryRows<{ user_id: string; event: string; old: boolean }>(
    db,
    sql`select user_id, event, occurred_at < now() - interval '400 days' as old
        from segment_membership_events where segment_id = ${segmentId}::uuid order by id`,
  );
}

describe("retention", () => {
  it("deletes events older than RETENTION_DAYS in bounded batches and keeps a membership's latest join", async () => {
    const db = await getDb();
    const [segment] = await db
      .insert(audienceSegments)
      .values({ segment_name: `Retention ${Date.now()}`, criteria: {} })
      .returning();
    const [a, b, c] = await seedUsers([{}, {}, {}]);
    const at = (days: number) => daysAgo(days);
    await db.insert(segmentMembershipEvents).values([
      // a joined long ago and is still a member: its join stays, whatever its age.
      { segment_id: segment.id, user_id: a.id, event: "join", occurred_at: at(900) },
      // b joined, left and joined again, all long ago: only the last join stays.
      { segment_id: segment.id, user_id: b.id, event: "join", occurred_at: at(800) },
      { segment_id: segment.id, user_id: b.id, event: "leave", occurred_at: at(700) },
      { segment_id: segment.id, user_id: b.id, event: "join", occurred_at: at(600) },
      // c left long ago: both go. Recent events stay.
      { segment_id: segment.id, user_id: c.id, event: "join", occurred_at: at(500) },
      { segment_id: segment.id, user_id: c.id, event: "leave", occurred_at: at(450) },
      { segment_id: segment.id, user_id: c.id, event: "join", occurred_at: at(10) },
    ]);

    // A batch of 2 removes the two oldest expendable events, no more.
    const first = await db.transaction((tx) => applyRetention(tx as never, new Date(), 2));
    expect(first.segment_membership_events).toBe(2);
    expect(await eventsBySegment(segment.id)).toHaveLength(5);

    expect(await runJobOnce(retentionJob)).toBe("ran");
    const left = await eventsBySegment(segment.id);
    expect(
      left.map((e) => `${e.user_id === a.id ? "a" : e.user_id === b.id ? "b" : "c"} ${e.event}`),
    ).toEqual(["a join", "b join", "c join"]);
    expect(left.filter((e) => !e.old)).toHaveLength(1);
  });

  it("honours RETENTION_DAYS", async () => {
    const db = await getDb();
    const [segment] = await db
      .insert(audienceSegments)
      .values({ segment_name: `Retention days ${Date.now()}`, criteria: {} })
      .returning();
    const [u] = await seedUsers([{}]);
    await db.insert(segmentMembershipEvents).values([
      { segment_id: segment.id, user_id: u.id, event: "join", occurred_at: daysAgo(40) },
      { segment_id: segment.id, user_id: u.id, event: "leave", occurred_at: daysAgo(35) },
    ]);
    process.env.RETENTION_DAYS = "30";
    try {
      await runJobOnce(retentionJob);
    } finally {
      delete process.env.RETENTION_DAYS;
    }
    expect(await eventsBySegment(segment.id)).toHaveLength(0);
  });
});
