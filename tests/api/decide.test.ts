import { createHash } from "node:crypto";
import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  experimentAllocations,
  experimentAssignments,
  experimentHistory,
  experimentSettings,
} from "@/db/schema";
import { decideBatchResultSchema, userDecisionSchema } from "@/lib/delivery/schemas";
import { api } from "../support/api";
import { addMembers, createSegmentWithArms } from "../support/delivery-fixtures";
import { uniqueName } from "../support/factories";
import { seedUser, seedUsers } from "../support/seed-users";

const MISSING = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  await getDb();
});

/** The documented bucket, computed here from its description rather than by the code under test. */
const expectedBucket = (salt: string, userId: string) =>
  createHash("sha256").update(`${salt}:${userId}`).digest().readUInt32BE(0) % 10_000;

async function decide(body: Record<string, unknown>) {
  const res = await api("POST", "/api/v1/decide", body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return userDecisionSchema.parse(res.body);
}

async function decideBatch(body: Record<string, unknown>) {
  const res = await api("POST", "/api/v1/decide", body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return decideBatchResultSchema.parse(res.body).results;
}

async function assignmentsOf(segmentId: string) {
  const db = await getDb();
  return db
    .select()
    .from(experimentAssignments)
    .where(eq(experimentAssignments.segment_id, segmentId))
    .orderBy(asc(experimentAssignments.user_id));
}

async function setSettings(segmentId: string, values: Partial<typeof experimentSettings.$inferInsert>) {
  const db = await getDb();
  await db
    .insert(experimentSettings)
    .values({ segment_id: segmentId, ...values })
    .onConflictDoUpdate({ target: experimentSettings.segment_id, set: values });
}

describe("POST /api/v1/decide", () => {
  it("answers the user's active segments by priority, confidence and name, with one decision per segment with content", async () => {
    const user = await seedUser();
    const low = await createSegmentWithArms([1], { segment_name: uniqueName("B low"), priority: 1 });
    const high = await createSegmentWithArms([1, 1], { segment_name: uniqueName("Z high"), priority: 5 });
    const tieA = await createSegmentWithArms([], { segment_name: `A ${uniqueName("tie")}`, priority: 1 });
    const confident = await createSegmentWithArms([1], { segment_name: uniqueName("Y conf"), priority: 1 });
    const paused = await createSegmentWithArms([1], { priority: 9, status: "paused" });
    await addMembers(low.segmentId, [user.id], 0.5);
    await addMembers(high.segmentId, [user.id], 0.1);
    await addMembers(tieA.segmentId, [user.id], 0.5);
    await addMembers(confident.segmentId, [user.id], 0.9);
    await addMembers(paused.segmentId, [user.id], 1);

    const result = await decide({ user_id: user.id });
    expect(result.user_id).toBe(user.id);
    expect(result.segments.map((s) => s.segment_id)).toEqual([
      high.segmentId,
      confident.segmentId,
      tieA.segmentId,
      low.segmentId,
    ]);
    expect(result.segments[0]).toMatchObject({ priority: 5, confidence_score: 0.1 });
    // tieA has no content: a membership, but no decision.
    expect(result.decisions.map((d) => d.segment_id)).toEqual([
      high.segmentId,
      confident.segmentId,
      low.segmentId,
    ]);
    const [first] = result.decisions;
    const arm = high.arms.find((a) => a.id === first.personalized_content_id);
    expect(arm).toBeDefined();
    expect(first).toMatchObject({
      content_id: arm?.content_id,
      variant_id: arm?.variant_id,
      is_control: arm?.is_control,
      content: { content_type: "article" },
      assignment: { bucket: expectedBucket(high.segmentId, user.id), reason: "new" },
    });
    expect(result.decisions[1].assignment.reason).toBe("only_variant");

    const again = await decide({ external_id: user.external_id });
    expect(again.decisions.map((d) => [d.personalized_content_id, d.assignment.reason])).toEqual(
      result.decisions.map((d) => [d.personalized_content_id, "sticky"]),
    );
    const stored = await assignmentsOf(high.segmentId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      user_id: user.id,
      personalized_content_id: first.personalized_content_id,
      bucket: first.assignment.bucket,
    });
    expect(stored[0].allocation_id).not.toBeNull();
  });

  it("maps the documented bucket to arms by cumulative weight, the same on every call, and a preview writes nothing", async () => {
    const { segmentId, arms } = await createSegmentWithArms([1, 3]);
    const people = await seedUsers(200);
    await addMembers(
      segmentId,
      people.map((p) => p.id),
    );
    const preview = await decideBatch({
      users: people.map((p) => ({ user_id: p.id })),
      record_exposure: false,
    });
    expect(await assignmentsOf(segmentId)).toEqual([]);
    preview.forEach((result, i) => {
      const bucket = expectedBucket(segmentId, people[i].id);
      expect(result.user_id).toBe(people[i].id);
      expect(result.decisions[0].assignment).toEqual({ bucket, reason: "new" });
      expect(result.decisions[0].personalized_content_id).toBe(bucket < 2500 ? arms[0].id : arms[1].id);
    });
    const repeat = await decideBatch({
      users: people.map((p) => ({ user_id: p.id })),
      record_exposure: false,
    });
    expect(repeat).toEqual(preview);
  });

  it("keeps exposed users in their arm after the weights change, while new users follow the new weights", async () => {
    const { segmentId, arms } = await createSegmentWithArms([1, 1]);
    const early = await seedUsers(60);
    const late = await seedUsers(60);
    await addMembers(
      segmentId,
      [...early, ...late].map((p) => p.id),
    );
    const before = await decideBatch({ users: early.map((p) => ({ user_id: p.id })) });
    const armOf = (results: typeof before) => results.map((r) => r.decisions[0].personalized_content_id);
    expect(new Set(armOf(before)).size).toBe(2);

    const patch = await api("PATCH", `/api/v1/segments/personalized/${arms[0].id}`, { traffic_weight: 0 });
    expect(patch.status).toBe(200);
    expect(patch.body.traffic_weight).toBe(0);

    const after = await decideBatch({ users: early.map((p) => ({ user_id: p.id })) });
    expect(armOf(after)).toEqual(armOf(before));
    expect(after.every((r) => r.decisions[0].assignment.reason === "sticky")).toBe(true);
    const newcomers = await decideBatch({ users: late.map((p) => ({ user_id: p.id })) });
    expect(new Set(armOf(newcomers))).toEqual(new Set([arms[1].id]));

    const db = await getDb();
    const allocations = await db
      .select()
      .from(experimentAllocations)
      .where(eq(experimentAllocations.segment_id, segmentId))
      .orderBy(asc(experimentAllocations.id));
    expect(allocations.map((a) => a.shares).at(-1)).toEqual({ [arms[0].id]: 0, [arms[1].id]: 1 });
    expect(allocations.at(-2)?.shares).toEqual({ [arms[0].id]: 0.5, [arms[1].id]: 0.5 });
    const stored = await assignmentsOf(segmentId);
    const lateIds = new Set(late.map((p) => p.id));
    for (const row of stored) {
      expect(row.allocation_id).toBe(
        lateIds.has(row.user_id) ? allocations.at(-1)?.id : allocations.at(-2)?.id,
      );
    }
    const [weightChange] = await db
      .select()
      .from(experimentHistory)
      .where(and(eq(experimentHistory.segment_id, segmentId), eq(experimentHistory.kind, "weight")))
      .orderBy(asc(experimentHistory.id))
      .offset(2);
    expect(weightChange.changes).toEqual({ traffic_weight: { from: 1, to: 0 } });
  });

  it("splits 5,000 users in proportion to the weights (chi-square p > 0.001)", async () => {
    const weights = [1, 2, 7];
    const { segmentId, arms } = await createSegmentWithArms(weights);
    const people = await seedUsers(5_000);
    await addMembers(
      segmentId,
      people.map((p) => p.id),
    );
    const observed = new Map(arms.map((arm) => [arm.id, 0]));
    for (let start = 0; start < people.length; start += 1_000) {
      const results = await decideBatch({
        users: people.slice(start, start + 1_000).map((p) => ({ user_id: p.id })),
      });
      for (const result of results) {
        const id = result.decisions[0].personalized_content_id;
        observed.set(id, (observed.get(id) ?? 0) + 1);
      }
    }
    const total = weights.reduce((a, b) => a + b, 0);
    const chiSquare = arms.reduce((sum, arm, i) => {
      const expected = (people.length * weights[i]) / total;
      return sum + ((observed.get(arm.id) ?? 0) - expected) ** 2 / expected;
    }, 0);
    // With 2 degrees of freedom the chi-square survival function is exactly exp(-x / 2).
    expect(Math.exp(-chiSquare / 2)).toBeGreaterThan(0.001);
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: count() })
      .from(experimentAssignments)
      .where(eq(experimentAssignments.segment_id, segmentId));
    expect(n).toBe(5_000);
    // 5,000 users and five batches of 1,000 decisions: minutes on a busy machine.
  }, 240_000);

  it("delivers nothing for paused or stopped experiments, the winner once completed, and follows bandit shares", async () => {
    const user = await seedUser();
    const paused = await createSegmentWithArms([1, 1]);
    const stopped = await createSegmentWithArms([1, 1]);
    const completed = await createSegmentWithArms([1, 1]);
    const bandit = await createSegmentWithArms([1, 1]);
    for (const s of [paused, stopped, completed, bandit]) await addMembers(s.segmentId, [user.id]);
    await setSettings(paused.segmentId, { status: "paused" });
    await setSettings(stopped.segmentId, { status: "stopped" });
    await setSettings(completed.segmentId, {
      status: "completed",
      winner_personalized_content_id: completed.arms[1].id,
    });
    await setSettings(bandit.segmentId, { allocation: "bandit" });
    const db = await getDb();
    await db.insert(experimentAllocations).values({
      segment_id: bandit.segmentId,
      shares: { [bandit.arms[0].id]: 0, [bandit.arms[1].id]: 1 },
      reason: "bandit",
    });

    const result = await decide({ user_id: user.id });
    expect(result.segments).toHaveLength(4);
    const bySegment = new Map(result.decisions.map((d) => [d.segment_id, d]));
    expect(bySegment.has(paused.segmentId)).toBe(false);
    expect(bySegment.has(stopped.segmentId)).toBe(false);
    expect(bySegment.get(completed.segmentId)).toMatchObject({
      personalized_content_id: completed.arms[1].id,
      assignment: { reason: "winner" },
    });
    expect(bySegment.get(bandit.segmentId)).toMatchObject({
      personalized_content_id: bandit.arms[1].id,
      assignment: { reason: "only_variant" },
    });
    expect(await assignmentsOf(paused.segmentId)).toEqual([]);
    expect(await assignmentsOf(completed.segmentId)).toEqual([]);

    await db.insert(experimentAllocations).values({
      segment_id: bandit.segmentId,
      shares: { [bandit.arms[0].id]: 0.5, [bandit.arms[1].id]: 0.5 },
      reason: "bandit",
    });
    const other = await seedUser();
    await addMembers(bandit.segmentId, [other.id]);
    const next = await decide({ user_id: other.id });
    expect(next.decisions[0].assignment.reason).toBe("bandit");
  });

  it("restricts to segment_ids, answers a batch in request order, and a user in no segment gets empty lists", async () => {
    const [member, loner] = [await seedUser(), await seedUser()];
    const a = await createSegmentWithArms([1]);
    const b = await createSegmentWithArms([1]);
    await addMembers(a.segmentId, [member.id]);
    await addMembers(b.segmentId, [member.id]);
    const only = await decide({ user_id: member.id, segment_ids: [b.segmentId], record_exposure: false });
    expect(only.segments.map((s) => s.segment_id)).toEqual([b.segmentId]);
    const batch = await decideBatch({
      users: [{ user_id: loner.id }, { external_id: member.external_id }, { external_id: "nobody-knows-me" }],
      record_exposure: false,
    });
    expect(batch.map((r) => r.user_id)).toEqual([loner.id, member.id, null]);
    expect(batch[0]).toEqual({ user_id: loner.id, segments: [], decisions: [] });
    expect(batch[1].decisions).toHaveLength(2);
    expect(batch[2]).toEqual({ user_id: null, segments: [], decisions: [] });
  });

  it("is 404 for an unknown user_id, 200 with empty lists for an unknown external_id, 422 for a bad body", async () => {
    const missing = await api("POST", "/api/v1/decide", { user_id: MISSING });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect(missing.body.errors[0]).toMatchObject({ field: "user_id" });
    const user = await seedUser();
    const inBatch = await api("POST", "/api/v1/decide", {
      users: [{ user_id: user.id }, { user_id: MISSING }],
    });
    expect(inBatch.status).toBe(404);
    expect(inBatch.body.errors.map((e: { field: string }) => e.field)).toEqual(["users.1.user_id"]);
    const unknownExternal = await decide({ external_id: `never-${uniqueName("x")}` });
    expect(unknownExternal).toEqual({ user_id: null, segments: [], decisions: [] });
    for (const body of [
      {},
      { user_id: user.id, external_id: "x" },
      { users: [] },
      { users: Array.from({ length: 1_001 }, () => ({ user_id: user.id })) },
      { user_id: "not-a-uuid" },
      { user_id: user.id, record_exposure: "yes" },
    ]) {
      const res = await api("POST", "/api/v1/decide", body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
  });
});
