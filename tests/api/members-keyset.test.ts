import { describe, expect, it } from "vitest";
import { memberPageSchema } from "@/lib/members/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";

type MemberPage = ReturnType<typeof memberPageSchema.parse>;
const sorts = [
  "joined_at",
  "-joined_at",
  "confidence_score",
  "-confidence_score",
  "email",
  "-email",
] as const;

async function createSegment() {
  const segment = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Keyset"),
    criteria: { age_range: [1, 2] },
  });
  expect(segment.status).toBe(201);
  return segment.body.id as string;
}

async function addMembers(segmentId: string, userIds: string[], confidence?: number) {
  const added = await api("POST", `/api/v1/segments/${segmentId}/members`, {
    user_ids: userIds,
    ...(confidence === undefined ? {} : { confidence_score: confidence }),
  });
  expect(added.status).toBe(200);
}

async function page(segmentId: string, params: Record<string, string | number>): Promise<MemberPage> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await api("GET", `/api/v1/segments/${segmentId}/members?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return memberPageSchema.parse(res.body);
}

/** Every page from the first by cursor; `between` runs after each page (concurrent changes). */
async function walk(
  segmentId: string,
  params: Record<string, string | number>,
  between: (pageNumber: number) => Promise<void> = async () => {},
) {
  const seen: string[] = [];
  let cursor: string | null | undefined;
  for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
    const current = await page(segmentId, { ...params, ...(cursor ? { cursor } : {}) });
    seen.push(...current.items.map((m) => m.user_id));
    cursor = current.next_cursor;
    if (!cursor) return seen;
    await between(pageNumber);
  }
  throw new Error("the cursor never ended");
}

/**
 * Members in groups that share a joined_at (one bulk add is one transaction) and a confidence, some without
 * an email: the tie-breaks and the NULL range are where a keyset goes wrong.
 */
async function segmentWithTies() {
  const segmentId = await createSegment();
  const withEmail = await seedUsers(9);
  const withoutEmail = await seedUsers(Array.from({ length: 4 }, () => ({ email: null })));
  await addMembers(
    segmentId,
    withEmail.slice(0, 5).map((u) => u.id),
    0.5,
  );
  await addMembers(
    segmentId,
    [...withEmail.slice(5), ...withoutEmail.slice(0, 2)].map((u) => u.id),
    0.5,
  );
  await addMembers(
    segmentId,
    withoutEmail.slice(2).map((u) => u.id),
    0.9,
  );
  return { segmentId, userIds: [...withEmail, ...withoutEmail].map((u) => u.id) };
}

describe("members list: keyset pagination", () => {
  it("walks every sort by cursor in exactly the offset order, each member once", async () => {
    const { segmentId, userIds } = await segmentWithTies();
    for (const sort of sorts) {
      const all = await page(segmentId, { sort, limit: 500 });
      expect(all.next_cursor).toBeNull();
      expect(all.items.map((m) => m.user_id).sort()).toEqual([...userIds].sort());
      const byCursor = await walk(segmentId, { sort, limit: 3 });
      expect(byCursor, sort).toEqual(all.items.map((m) => m.user_id));
      // A page read by offset hands out the cursor of the page after it, in the same order.
      const third = await page(segmentId, { sort, limit: 3, offset: 6 });
      expect(third.items.map((m) => m.user_id)).toEqual(byCursor.slice(6, 9));
      const fourth = await page(segmentId, { sort, limit: 3, cursor: third.next_cursor! });
      expect(fourth.items.map((m) => m.user_id)).toEqual(byCursor.slice(9, 12));
    }
    const emails = (await page(segmentId, { sort: "email", limit: 500 })).items.map((m) => m.user.email);
    expect(emails.slice(-4)).toEqual([null, null, null, null]);
    expect(emails.slice(0, 9)).toEqual(emails.slice(0, 9).toSorted());
  });

  it("never skips or repeats a member while others join and leave between pages", async () => {
    const segmentId = await createSegment();
    const stable = await seedUsers(40);
    const churn = await seedUsers(60);
    const churnWithoutEmail = await seedUsers(Array.from({ length: 10 }, () => ({ email: null })));
    const leaving = churn.slice(0, 30);
    const joining = [...churn.slice(30), ...churnWithoutEmail];
    await addMembers(
      segmentId,
      [...stable, ...leaving].map((u) => u.id),
    );
    const stableIds = new Set(stable.map((u) => u.id));
    const everMember = new Set([...stable, ...churn, ...churnWithoutEmail].map((u) => u.id));
    for (const sort of sorts) {
      const seen = await walk(segmentId, { sort, limit: 8 }, async (pageNumber) => {
        // Alternately a few members leave and a few join (with scores that sort them before and after).
        const leaver = leaving[pageNumber % leaving.length];
        const joiner = joining[pageNumber % joining.length];
        await api("POST", `/api/v1/segments/${segmentId}/members/remove`, { user_ids: [leaver.id] });
        await addMembers(segmentId, [joiner.id], (pageNumber % 10) / 10);
        // Put some back for the next sort's walk.
        await addMembers(
          segmentId,
          [leaving[(pageNumber + 7) % leaving.length].id],
          1 - (pageNumber % 10) / 10,
        );
        await api("POST", `/api/v1/segments/${segmentId}/members/remove`, {
          user_ids: [joining[(pageNumber + 11) % joining.length].id],
        });
      });
      expect(new Set(seen).size, `${sort}: a member was repeated`).toBe(seen.length);
      for (const id of stableIds) expect(seen, `${sort}: a member was skipped`).toContain(id);
      for (const id of seen) expect(everMember.has(id)).toBe(true);
    }
    // Six walks of about ten pages with four writes between pages: slow on a busy shared machine.
  }, 120_000);

  it("answers the total from member_count, and counts only what a filter or search matches", async () => {
    const segmentId = await createSegment();
    const people = await seedUsers([
      { email: "ada.smith@example.com", name: "Ada Smith", external_id: "crm-ada" },
      { email: "bob@example.com", name: "Bob Smithers", external_id: "crm-bob" },
      { email: "cy@example.com", name: "Cy Jones", external_id: "crm-cy-smith" },
      { email: "di@example.com", name: "Di Brown", external_id: "crm-di" },
    ]);
    await addMembers(
      segmentId,
      people.map((p) => p.id),
    );
    const segment = await api("GET", `/api/v1/segments/${segmentId}`);
    expect((await page(segmentId, { limit: 1 })).total).toBe(segment.body.member_count);
    expect((await page(segmentId, { limit: 1 })).total).toBe(4);
    const smith = await page(segmentId, { search: "SMITH", sort: "email", limit: 2 });
    expect(smith.total).toBe(3);
    expect(smith.items.map((m) => m.user.email)).toEqual(["ada.smith@example.com", "bob@example.com"]);
    const rest = await page(segmentId, {
      search: "SMITH",
      sort: "email",
      limit: 2,
      cursor: smith.next_cursor!,
    });
    expect(rest.items.map((m) => m.user.email)).toEqual(["cy@example.com"]);
    expect(rest.next_cursor).toBeNull();
    // A search never matches across two fields: "brown" + "crm" are only adjacent through the separator.
    expect((await page(segmentId, { search: "browncrm" })).total).toBe(0);
    expect((await page(segmentId, { search: "_" })).total).toBe(0);
  });

  it("refuses a cursor it did not hand out, one read with another sort, and a cursor with an offset", async () => {
    const segmentId = await createSegment();
    await addMembers(
      segmentId,
      (await seedUsers(3)).map((u) => u.id),
    );
    const first = await page(segmentId, { sort: "email", limit: 1 });
    const cases: [Record<string, string | number>, RegExp][] = [
      [{ cursor: "not-a-cursor" }, /cursor/],
      [{ cursor: Buffer.from('["email",1,"x"]').toString("base64url"), sort: "email" }, /cursor/],
      [{ cursor: first.next_cursor!, sort: "-email" }, /sort=email/],
      [{ cursor: first.next_cursor!, sort: "email", offset: 1 }, /offset/],
      [{ search: "a\u001fb" }, /control/],
    ];
    for (const [params, message] of cases) {
      const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
      const res = await api("GET", `/api/v1/segments/${segmentId}/members?${query}`);
      expect(res.status, JSON.stringify(params)).toBe(422);
      expect(res.body.errors[0].field).toBe(params.search ? "search" : "cursor");
      expect(res.body.errors[0].message).toMatch(message);
    }
  });
});
