import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction } from "@/db/client";
import { users } from "@/db/schema";
import { reevaluateUsers } from "@/lib/segments/dynamic-membership";
import { api } from "./support/api";
import { uniqueName } from "./support/factories";
import { addManualMember, eventsOf, membersOf } from "./support/memberships";
import { seedUsers } from "./support/seed-users";

// The users service calls reevaluateUsers inside its own transactions; these tests do the same.

async function createDynamic(criteria: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Dynamic"),
    criteria,
    membership_mode: "dynamic",
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}

const scoped = (run: string) => ({ field: "traits.run", op: "eq", value: run });

describe("dynamic membership", () => {
  it("fills a dynamic segment on create and follows a criteria change", async () => {
    const run = uniqueName("run");
    await seedUsers([
      { age: 20, traits: { run } },
      { age: 30, traits: { run } },
      { age: 40, traits: { run } },
    ]);
    const segment = await createDynamic({ age_range: [18, 25], all: [scoped(run)] });
    expect(segment).toMatchObject({ member_count: 1, estimated_size: 1 });
    const widened = await api("PATCH", `/api/v1/segments/${segment.id}`, {
      criteria: { age_range: [18, 35], all: [scoped(run)] },
    });
    expect(widened.body).toMatchObject({ member_count: 2, estimated_size: 2 });
    expect(await membersOf(segment.id)).toHaveLength(2);
    const manual = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Manual"),
      criteria: { age_range: [18, 35], all: [scoped(run)] },
    });
    expect(manual.body).toMatchObject({ member_count: 0, estimated_size: 2, membership_mode: "manual" });
  });

  it("moves a changed profile in and out of every active dynamic segment in the same transaction", async () => {
    const run = uniqueName("run");
    const [user, other] = await seedUsers([
      { age: 20, interests: ["ai"], traits: { run } },
      { age: 50, traits: { run } },
    ]);
    const young = await createDynamic({ age_range: [18, 25], all: [scoped(run)] });
    const tech = await createDynamic({ interests: ["AI"], all: [scoped(run)] });
    const paused = await createDynamic({ age_range: [40, 60], all: [scoped(run)] }, { status: "paused" });
    expect(paused.member_count).toBe(0);
    await addManualMember(young.id, other.id);

    const moved = await transaction(async (tx) => {
      await tx.update(users).set({ age: 45, interests: [] }).where(eq(users.id, user.id));
      await tx.update(users).set({ age: 55 }).where(eq(users.id, other.id));
      return reevaluateUsers([user.id, other.id], tx);
    });
    expect(moved).toEqual({ joined: 0, left: 2 });
    expect((await membersOf(young.id)).map((m) => [m.user_id, m.source])).toEqual([[other.id, "manual"]]);
    expect(await membersOf(tech.id)).toEqual([]);
    expect(await membersOf(paused.id)).toEqual([]);
    expect((await api("GET", `/api/v1/segments/${young.id}`)).body.member_count).toBe(1);
    expect((await api("GET", `/api/v1/segments/${tech.id}`)).body.member_count).toBe(0);
    expect((await eventsOf(tech.id)).map((e) => e.event)).toEqual(["join", "leave"]);

    const back = await transaction(async (tx) => {
      await tx
        .update(users)
        .set({ interests: ["ai"] })
        .where(eq(users.id, user.id));
      return reevaluateUsers([user.id], tx);
    });
    expect(back).toEqual({ joined: 1, left: 0 });
    const [member] = await membersOf(tech.id);
    expect(member).toMatchObject({ user_id: user.id, source: "criteria", confidence_score: 1 });
  });

  it("adds a new profile at once and, after a delete through the API, records the leaves and corrects member_count", async () => {
    const run = uniqueName("run");
    const segment = await createDynamic({ location: ["uk"], all: [scoped(run)] });
    const created = await transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: `${run}@x.test`, location: "GB", traits: { run } })
        .returning();
      await reevaluateUsers([row.id], tx);
      return row;
    });
    expect((await api("GET", `/api/v1/segments/${segment.id}`)).body.member_count).toBe(1);
    const manual = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Hand"), criteria: {} });
    await addManualMember(manual.body.id, created.id);

    expect((await api("DELETE", `/api/v1/users/${created.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/segments/${segment.id}`)).body.member_count).toBe(0);
    expect((await api("GET", `/api/v1/segments/${manual.body.id}`)).body.member_count).toBe(0);
    expect((await eventsOf(manual.body.id)).map((e) => [e.event, e.source])).toEqual([
      ["join", "manual"],
      ["leave", "manual"],
    ]);
    // A deleted user is skipped: nothing left to undo.
    const again = await transaction((tx) => reevaluateUsers([created.id], tx));
    expect(again).toEqual({ joined: 0, left: 0 });
  });

  it("rescores a member whose share under min_match changed", async () => {
    const run = uniqueName("run");
    const [user] = await seedUsers([{ age: 30, location: "US", engagement_level: "high", traits: { run } }]);
    const segment = await createDynamic({
      all: [
        scoped(run),
        {
          min_match: 0.5,
          age_range: [25, 35],
          location: ["US"],
          engagement_level: "high",
          interests: ["ai"],
        },
      ],
    });
    expect((await membersOf(segment.id))[0].confidence_score).toBe(0.75);
    await transaction(async (tx) => {
      await tx
        .update(users)
        .set({ interests: ["ai"] })
        .where(eq(users.id, user.id));
      await reevaluateUsers([user.id], tx);
    });
    const [member] = await membersOf(segment.id);
    expect(member.confidence_score).toBe(1);
    expect((member.assignment_reason as { missed: string[] }).missed).toEqual([]);
  });
});
