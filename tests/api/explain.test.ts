import { describe, expect, it } from "vitest";
import { explainSchema } from "@/lib/segments/schemas";
import { api } from "../support/api";
import { daysAgo, uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";

const engagementExample = {
  engagement_level: "high",
  avg_session_duration: 300,
  last_active_days: 7,
  interaction_score_min: 0.7,
};

async function createSegment(criteria: Record<string, unknown>) {
  const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Explain"), criteria });
  expect(res.status).toBe(201);
  return res.body;
}

describe("GET /api/v1/segments/{segment_id}/explain/{user_id}", () => {
  it("reports each condition with the user's value and whether it held", async () => {
    const [user] = await seedUsers([
      {
        engagement_level: "high",
        avg_session_duration: 120,
        last_active_at: daysAgo(1),
        interaction_score: 0.9,
      },
    ]);
    const segment = await createSegment(engagementExample);
    const res = await api("GET", `/api/v1/segments/${segment.id}/explain/${user.id}`);
    expect(res.status).toBe(200);
    const body = explainSchema.parse(res.body);
    expect(body).toMatchObject({
      segment_id: segment.id,
      user_id: user.id,
      matches: false,
      confidence_score: 0,
      min_match: null,
    });
    expect(body.conditions.map((c) => [c.path, c.field, c.op, c.passed])).toEqual([
      ["engagement_level", "engagement_level", "in", true],
      ["avg_session_duration", "avg_session_duration", "gte", false],
      ["last_active_days", "last_active_at", "within_last_days", true],
      ["interaction_score_min", "interaction_score", "gte", true],
    ]);
    expect(body.conditions[1]).toMatchObject({
      expected: 300,
      actual: 120,
      label: "Average session (s) is at least 300",
    });
  });

  it("gives the matched share as confidence under min_match, for members and non-members alike", async () => {
    const [user] = await seedUsers([{ age: 30, location: "GB", traits: { plan: "pro" } }]);
    const segment = await createSegment({
      min_match: 0.5,
      age_range: [18, 25],
      location: ["UK"],
      all: [{ field: "traits.plan", op: "in", value: ["pro", "team"] }],
      not: { field: "gender", op: "exists" },
    });
    const res = await api("GET", `/api/v1/segments/${segment.id}/explain/${user.id}`);
    expect(res.body.matches).toBe(true);
    expect(res.body.min_match).toBe(0.5);
    expect(res.body.confidence_score).toBe(0.75);
    const location = res.body.conditions.find((c: { path: string }) => c.path === "location");
    expect(location).toMatchObject({ expected: ["GB"], actual: "GB", passed: true });
    const trait = res.body.conditions.find((c: { field: string }) => c.field === "traits.plan");
    expect(trait).toMatchObject({ path: "all.0", actual: "pro", passed: true });
    const gender = res.body.conditions.find((c: { field: string }) => c.field === "gender");
    expect(gender).toMatchObject({ path: "not", op: "exists", actual: null, passed: false });
  });

  it("answers 404 for an unknown segment or user and 422 for malformed ids", async () => {
    const [user] = await seedUsers([{ age: 20 }]);
    const segment = await createSegment({ age_range: [18, 25] });
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await api("GET", `/api/v1/segments/${missing}/explain/${user.id}`)).status).toBe(404);
    const noUser = await api("GET", `/api/v1/segments/${segment.id}/explain/${missing}`);
    expect(noUser.status).toBe(404);
    expect(noUser.body.detail).toContain("User");
    const bad = await api("GET", `/api/v1/segments/${segment.id}/explain/xyz`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: "user_id", location: "path" });
  });
});
