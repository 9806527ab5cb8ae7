import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db/client";
import { queryRows } from "@/db/rows";
import { audienceSegments, segmentMembershipEvents } from "@/db/schema";
import { runJobOnce } from "@/lib/scheduler/scheduler";
import { api } from "@/tests/support/api";
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

  it("drops commit numbers no remaining event needs, but keeps each segment's latest and the feed intact", async () => {
    const db = await getDb();
    const [segment] = await db
      .insert(audienceSegments)
      .values({ segment_name: `Retention commits ${Date.now()}`, criteria: {} })
      .returning();
    const [a, b, c] = await seedUsers([{}, {}, {}]);
    // One transaction per change, so each has its own commit number.
    const write = (user_id: string, event: "join" | "leave", days: number) =>
      transaction((tx) =>
        tx
          .insert(segmentMembershipEvents)
          .values({ segment_id: segment.id, user_id, event, occurred_at: daysAgo(days) }),
      );
    await write(a.id, "join", 900); // a's join stays: a is still a member, so its commit stays
    await write(b.id, "join", 800); // b joined and left long ago: both events go, and their commits
    await write(b.id, "leave", 700);
    await write(c.id, "join", 10); // recent
    const commits = () =>
      queryRows<{ seq: string }>(
        db,
        sql`select seq::text from segment_change_commits where segment_id = ${segment.id}::uuid order by seq`,
      );
    const [first, , , fourth] = (await commits()).map((row) => row.seq);
    await db.execute(
      sql`update segment_change_commits set committed_at = now() - interval '900 days'
          where segment_id = ${segment.id}::uuid and seq <> ${fourth}::bigint`,
    );

    const deleted = await transaction((tx) => applyRetention(tx));
    expect(deleted.segment_change_commits).toBeGreaterThanOrEqual(2);
    expect((await commits()).map((row) => row.seq)).toEqual([first, fourth]);

    const feed = await api("GET", `/api/v1/segments/${segment.id}/changes?limit=10`);
    expect(feed.status).toBe(200);
    expect(
      (feed.body as { items: { type: string; user_id: string }[] }).items.map((i) => [i.type, i.user_id]),
    ).toEqual([
      ["join", a.id],
      ["join", c.id],
    ]);

    // A segment whose only commit is spent keeps it: the end of its feed does not move back.
    const [lone] = await db
      .insert(audienceSegments)
      .values({ segment_name: `Retention lone ${Date.now()}`, criteria: {} })
      .returning();
    await transaction((tx) =>
      tx.insert(segmentMembershipEvents).values([
        { segment_id: lone.id, user_id: a.id, event: "join", occurred_at: daysAgo(900) },
        { segment_id: lone.id, user_id: a.id, event: "leave", occurred_at: daysAgo(899) },
      ]),
    );
    await db.execute(
      sql`update segment_change_commits set committed_at = now() - interval '900 days' where segment_id = ${lone.id}::uuid`,
    );
    await transaction((tx) => applyRetention(tx));
    const [kept] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from segment_change_commits where segment_id = ${lone.id}::uuid`,
    );
    expect(Number(kept.n)).toBe(1);
  });
});
