import { inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { jobListSchema, jobSchema } from "@/lib/jobs/schemas";
import { refreshResultSchema } from "@/lib/segments/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { addManualMember, membersOf } from "../support/memberships";
import { seedUsers } from "../support/seed-users";

async function createSegment(criteria: Record<string, unknown>) {
  const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Job"), criteria });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function waitForJob(id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await api("GET", `/api/v1/jobs/${id}`);
    expect(res.status).toBe(200);
    const job = jobSchema.parse(res.body);
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Job ${id} did not finish`);
}

describe("refresh as a background job", () => {
  beforeEach(() => {
    // Small slices, so that a few hundred users make several transactions.
    process.env.REFRESH_BATCH_SIZE = "100";
  });
  afterEach(() => {
    delete process.env.REFRESH_BATCH_SIZE;
    delete process.env.REFRESH_ASYNC_MIN_USERS;
  });

  it("answers 202 with a job that refreshes slice by slice to the same result as a refresh at once", async () => {
    const run = uniqueName("run");
    const created = await seedUsers(
      Array.from({ length: 450 }, (_, i) => ({ age: 20 + (i % 50), traits: { run } })),
    );
    const segment = await createSegment({ all: [{ field: "traits.run", op: "eq", value: run }] });
    const manual = created[0];
    await addManualMember(segment.id, manual.id);
    // First fill it at once, then change who matches in every slice and refresh in the background.
    const first = await api("POST", `/api/v1/segments/${segment.id}/refresh?async=false`);
    expect(first.status).toBe(200);
    const db = await getDb();
    const leaving = created.filter((_, i) => i % 3 === 1).map((u) => u.id);
    await db.update(users).set({ traits: {} }).where(inArray(users.id, leaving));

    const res = await api("POST", `/api/v1/segments/${segment.id}/refresh?async=true`);
    expect(res.status).toBe(202);
    const job = jobSchema.parse(res.body);
    expect(res.headers.get("location")).toBe(`/api/v1/jobs/${job.id}`);
    expect(job).toMatchObject({ kind: "segment_refresh", segment_id: segment.id });

    const done = await waitForJob(job.id);
    expect(done.status).toBe("succeeded");
    expect(done.progress).toBe(1);
    expect(refreshResultSchema.parse(done.result)).toMatchObject({ added: 0, removed: leaving.length });

    const members = await membersOf(segment.id);
    const read = await api("GET", `/api/v1/segments/${segment.id}`);
    expect(read.body.member_count).toBe(members.length);
    expect(members.length).toBe(450 - leaving.length + (leaving.includes(manual.id) ? 1 : 0));
    expect(members.some((m) => leaving.includes(m.user_id) && m.source === "criteria")).toBe(false);

    // A second refresh at once finds nothing left to do: the slices covered everyone.
    const again = await api("POST", `/api/v1/segments/${segment.id}/refresh?async=false`);
    expect(again.body).toMatchObject({ added: 0, removed: 0 });

    const list = await api("GET", `/api/v1/jobs?segment_id=${segment.id}`);
    expect(jobListSchema.parse(list.body).items.map((j) => j.id)).toEqual([job.id]);
  });

  it("goes to the background by itself when the segment is big, and stays at once when small", async () => {
    const run = uniqueName("run");
    await seedUsers([{ traits: { run } }, { traits: { run } }]);
    const segment = await createSegment({ all: [{ field: "traits.run", op: "eq", value: run }] });
    const small = await api("POST", `/api/v1/segments/${segment.id}/refresh`);
    expect(small.status).toBe(200);
    process.env.REFRESH_ASYNC_MIN_USERS = "1";
    const big = await api("POST", `/api/v1/segments/${segment.id}/refresh`);
    expect(big.status).toBe(202);
    expect((await waitForJob(big.body.id)).status).toBe("succeeded");
  });

  it("fails the job, naming why, when the segment's criteria change during it", async () => {
    const run = uniqueName("run");
    await seedUsers(Array.from({ length: 300 }, () => ({ traits: { run } })));
    const segment = await createSegment({ all: [{ field: "traits.run", op: "eq", value: run }] });
    const res = await api("POST", `/api/v1/segments/${segment.id}/refresh?async=true`);
    const patched = await api("PATCH", `/api/v1/segments/${segment.id}`, {
      criteria: { all: [{ field: "traits.run", op: "eq", value: `${run}-other` }] },
    });
    expect(patched.status).toBe(200);
    const done = await waitForJob(res.body.id);
    // Either the change landed before the first slice (then the job used the new criteria) or between slices.
    if (done.status === "failed") expect(done.error).toMatch(/criteria changed/);
    else expect(done.result).toMatchObject({ member_count: 0 });
  });

  it("answers 404 for an unknown job and 422 for a malformed id or async value", async () => {
    expect((await api("GET", "/api/v1/jobs/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await api("GET", "/api/v1/jobs/nope")).status).toBe(422);
    const segment = await createSegment({ age_range: [1, 2] });
    expect((await api("POST", `/api/v1/segments/${segment.id}/refresh?async=maybe`)).status).toBe(422);
  });
});
