import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db/client";
import { queryRows } from "@/db/rows";
import { changePageSchema, type SegmentChange } from "@/lib/changes/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";

beforeAll(async () => {
  await getDb();
});

const onServer = Boolean(process.env.DATABASE_URL);

async function createSegment() {
  const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Feed"), criteria: {} });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function page(segmentId: string, cursor?: string, limit = 100) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  const res = await api("GET", `/api/v1/segments/${segmentId}/changes?${query}`);
  expect(res.status).toBe(200);
  return changePageSchema.parse(res.body);
}

/** Every membership event of the segment as stored, in commit order. */
async function storedEvents(segmentId: string) {
  const db = await getDb();
  return queryRows<{ id: string; event: string; user_id: string }>(
    db,
    sql`select e.id::text as id, e.event, e.user_id::text as user_id
      from segment_membership_events e
      join segment_change_commits c on c.txid = e.txid and c.segment_id = e.segment_id
      where e.segment_id = ${segmentId}::uuid order by c.seq, e.id`,
  );
}

describe("GET /segments/{segment_id}/changes", () => {
  it("lists joins and leaves in order, pages with a cursor and always answers next_cursor", async () => {
    const segment = await createSegment();
    const people = await seedUsers(3);
    const base = `/api/v1/segments/${segment.id}/members`;
    for (const person of people) expect((await api("POST", `${base}/${person.id}`)).status).toBe(201);
    expect((await api("DELETE", `${base}/${people[0].id}`)).status).toBe(204);

    const first = await page(segment.id, undefined, 2);
    expect(first.items.map((c) => [c.type, c.user_id])).toEqual([
      ["join", people[0].id],
      ["join", people[1].id],
    ]);
    expect(first.items[0]).toMatchObject({ source: "manual" });
    const second = await page(segment.id, first.next_cursor, 2);
    expect(second.items.map((c) => [c.type, c.user_id])).toEqual([
      ["join", people[2].id],
      ["leave", people[0].id],
    ]);
    const last = await page(segment.id, second.next_cursor, 2);
    expect(last.items).toEqual([]);
    // The last page hands back a cursor too, and polling from it gets exactly what came after.
    expect(last.next_cursor).toBe(second.next_cursor);
    expect((await api("DELETE", `${base}/${people[1].id}`)).status).toBe(204);
    const after = await page(segment.id, last.next_cursor);
    expect(after.items.map((c) => [c.type, c.user_id])).toEqual([["leave", people[1].id]]);
  });

  it("starts at the end of the feed with cursor=latest", async () => {
    const segment = await createSegment();
    const [person, other] = await seedUsers(2);
    await api("POST", `/api/v1/segments/${segment.id}/members/${person.id}`);
    const latest = await page(segment.id, "latest");
    expect(latest.items).toEqual([]);
    await api("POST", `/api/v1/segments/${segment.id}/members/${other.id}`);
    const next = await page(segment.id, latest.next_cursor);
    expect(next.items.map((c) => c.user_id)).toEqual([other.id]);
  });

  it("answers 422 naming the cursor for a cursor it did not hand out, 404 for an unknown segment", async () => {
    const segment = await createSegment();
    const bad = await api("GET", `/api/v1/segments/${segment.id}/changes?cursor=bm9wZQ`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: "cursor", location: "query" });
    const worse = await api("GET", `/api/v1/segments/${segment.id}/changes?cursor=a%20b`);
    expect(worse.status).toBe(422);
    const limit = await api("GET", `/api/v1/segments/${segment.id}/changes?limit=0`);
    expect(limit.status).toBe(422);
    expect(limit.body.errors[0].field).toBe("limit");
    const missing = await api("GET", "/api/v1/segments/00000000-0000-4000-8000-000000000000/changes");
    expect(missing.status).toBe(404);
  });

  it("never skips or repeats a change while writers run concurrently with the poller", async () => {
    const segment = await createSegment();
    const people = await seedUsers(40);
    const base = `/api/v1/segments/${segment.id}/members`;
    const seen: SegmentChange[] = [];
    let cursor: string | undefined;
    let writing = true;
    const poller = (async () => {
      while (writing) {
        const next = await page(segment.id, cursor, 7);
        seen.push(...next.items);
        cursor = next.next_cursor;
        // Lets the writers' requests in (PGlite runs one statement at a time).
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await Promise.all(
      people.map(async (person, index) => {
        await api("POST", `${base}/${person.id}`);
        if (index % 2 === 0) await api("DELETE", `${base}/${person.id}`);
        if (index % 4 === 0) await api("POST", base, { user_ids: [person.id] });
      }),
    );
    writing = false;
    await poller;
    for (;;) {
      const next = await page(segment.id, cursor, 7);
      if (next.items.length === 0) break;
      seen.push(...next.items);
      cursor = next.next_cursor;
    }
    const stored = await storedEvents(segment.id);
    expect(stored.length).toBe(40 + 20 + 10);
    expect(seen.map((c) => String(c.id))).toEqual(stored.map((e) => e.id));
    // Per user, joins and leaves alternate, starting with a join.
    const perUser = new Map<string, string[]>();
    for (const change of seen)
      perUser.set(change.user_id, [...(perUser.get(change.user_id) ?? []), change.type]);
    for (const types of perUser.values()) {
      types.forEach((type, i) => {
        expect(type).toBe(i % 2 === 0 ? "join" : "leave");
      });
    }
  });

  it.runIf(onServer)(
    "does not let a change that commits first become visible before an earlier one on the same segment",
    async () => {
      const segment = await createSegment();
      const [early, late] = await seedUsers(2);
      const start = await page(segment.id, "latest");
      let releaseEarly!: () => void;
      const earlyHeld = new Promise<void>((resolve) => {
        releaseEarly = resolve;
      });
      let earlyInserted!: () => void;
      const inserted = new Promise<void>((resolve) => {
        earlyInserted = resolve;
      });
      // The early writer takes its event id first and commits last; a writer that does not lock the
      // segment itself still waits in the trigger, so it cannot overtake.
      const earlyTx = transaction(async (tx) => {
        await tx.execute(
          sql`insert into segment_membership_events (segment_id, user_id, event, source)
            values (${segment.id}::uuid, ${early.id}::uuid, 'join', 'manual')`,
        );
        earlyInserted();
        await earlyHeld;
      });
      await inserted;
      let lateDone = false;
      const lateTx = transaction(async (tx) => {
        await tx.execute(
          sql`insert into segment_membership_events (segment_id, user_id, event, source)
            values (${segment.id}::uuid, ${late.id}::uuid, 'join', 'manual')`,
        );
      }).then(() => {
        lateDone = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(lateDone).toBe(false);
      const meanwhile = await page(segment.id, start.next_cursor);
      expect(meanwhile.items).toEqual([]);
      releaseEarly();
      await Promise.all([earlyTx, lateTx]);
      const all = await page(segment.id, meanwhile.next_cursor);
      expect(all.items.map((c) => c.user_id)).toEqual([early.id, late.id]);
    },
  );
});

describe("GET /users/{user_id}/segments", () => {
  it("lists the user's memberships with confidence, source and reason", async () => {
    const [person] = await seedUsers([{ age: 40 }]);
    const manual = await createSegment();
    await api("POST", `/api/v1/segments/${manual.id}/members/${person.id}`, {
      confidence_score: 0.7,
      assignment_reason: { note: "VIP list" },
    });
    const dynamic = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Forty"),
      criteria: { age_range: [40, 40] },
      membership_mode: "dynamic",
    });
    expect(dynamic.status).toBe(201);
    const res = await api("GET", `/api/v1/users/${person.id}/segments`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const byId = new Map(res.body.items.map((item: { segment_id: string }) => [item.segment_id, item]));
    expect(byId.get(manual.id)).toMatchObject({
      confidence_score: 0.7,
      source: "manual",
      assignment_reason: { note: "VIP list" },
    });
    expect(byId.get(dynamic.body.id)).toMatchObject({ source: "criteria" });
    expect((byId.get(dynamic.body.id) as { assignment_reason: unknown }).assignment_reason).not.toBeNull();
  });

  it("answers 404 for an unknown user and 422 for an id that is not a UUID", async () => {
    expect((await api("GET", "/api/v1/users/00000000-0000-4000-8000-000000000000/segments")).status).toBe(
      404,
    );
    const bad = await api("GET", "/api/v1/users/nope/segments");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe("user_id");
  });
});
