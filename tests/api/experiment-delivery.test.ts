// The experiment read as it is fed in production: users randomized by decide, conversions sent as events, a
// weight changed mid-test through the personalized-content endpoint, then the experiment steered.
import { describe, expect, it } from "vitest";
import { decideBatchResultSchema } from "@/lib/delivery/schemas";
import { experimentResultSchema } from "@/lib/experiments/schemas";
import { experimentTimelineSchema } from "@/lib/experiments/settings-schemas";
import { insertUsers } from "../support/analytics-fixtures";
import { api } from "../support/api";
import { addMembers, createSegmentWithArms } from "../support/delivery-fixtures";

const HEAVY = 180_000;

async function decideAll(userIds: string[], segmentId: string) {
  const res = await api("POST", "/api/v1/decide", {
    users: userIds.map((user_id) => ({ user_id })),
    segment_ids: [segmentId],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return decideBatchResultSchema.parse(res.body).results.map((result) => result.decisions[0]);
}

async function sendEvents(events: Record<string, unknown>[]) {
  const res = await api("POST", "/api/v1/events", { events });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.accepted).toBe(events.length);
}

async function getExperiment(segmentId: string) {
  const res = await api("GET", `/api/v1/segments/${segmentId}/experiment`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return experimentResultSchema.parse(res.body);
}

describe("an experiment fed by decide and events", () => {
  it(
    "reads per user across a weight change, then pauses and promotes for what decide returns",
    async () => {
      const { segmentId, arms } = await createSegmentWithArms([1, 1]);
      const [control, variant] = arms;
      const users = await insertUsers(600);
      await addMembers(segmentId, users);

      const first = await decideAll(users.slice(0, 300), segmentId);
      const patched = await api("PATCH", `/api/v1/segments/personalized/${control.id}`, {
        traffic_weight: 3,
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      const second = await decideAll(users.slice(300), segmentId);
      const decisions = [...first, ...second];
      expect(decisions.every((decision) => decision?.assignment.reason === "new")).toBe(true);

      // Every 4th variant user and every 5th control user converts after exposure; a conversion dated the day
      // before (before exposure) and views do not count.
      const expected = { [control.id]: { users: 0, converted: 0 }, [variant.id]: { users: 0, converted: 0 } };
      const events: Record<string, unknown>[] = [];
      decisions.forEach((decision, i) => {
        const arm = decision.personalized_content_id;
        expected[arm].users += 1;
        events.push({ user_id: users[i], name: "content_view", personalized_content_id: arm });
        if (i % (arm === variant.id ? 4 : 5) === 0) {
          expected[arm].converted += 1;
          events.push({ user_id: users[i], name: "content_conversion", personalized_content_id: arm });
        } else if (i % 7 === 0) {
          events.push({
            user_id: users[i],
            name: "content_conversion",
            personalized_content_id: arm,
            occurred_at: new Date(Date.now() - 86_400_000).toISOString(),
          });
        }
      });
      await sendEvents(events);

      const result = await getExperiment(segmentId);
      expect(result.unit).toBe("users");
      expect(result.variants.map((arm) => [arm.personalized_content_id, arm.views, arm.successes])).toEqual([
        [control.id, expected[control.id].users, expected[control.id].converted],
        [variant.id, expected[variant.id].users, expected[variant.id].converted],
      ]);
      // 300 users assigned under 50/50, 300 under 75/25: the plan expects 62.5% in the control.
      expect(result.variants.map((arm) => arm.planned_share)).toEqual([0.75, 0.25]);
      expect(result.sample_ratio.expected_shares[0]).toBeCloseTo(0.625, 12);
      expect(result.sample_ratio.mismatch).toBe(false);

      const paused = await api("PUT", `/api/v1/segments/${segmentId}/experiment`, { status: "paused" });
      expect(paused.status).toBe(200);
      const newcomers = await insertUsers(2);
      await addMembers(segmentId, newcomers);
      expect(await decideAll(newcomers.slice(0, 1), segmentId)).toEqual([undefined]);

      const promoted = await api("POST", `/api/v1/segments/${segmentId}/experiment/promote`, {
        personalized_content_id: variant.id,
      });
      expect(promoted.status).toBe(200);
      const [winner] = await decideAll(newcomers.slice(1), segmentId);
      expect(winner).toMatchObject({ personalized_content_id: variant.id, assignment: { reason: "winner" } });

      const timeline = experimentTimelineSchema.parse(
        (await api("GET", `/api/v1/segments/${segmentId}/experiment/timeline`)).body,
      );
      expect(timeline.history.map((entry) => entry.kind)).toEqual(
        expect.arrayContaining(["weight", "settings", "promote"]),
      );
      expect(timeline.exposures.reduce((sum, day) => sum + day.users, 0)).toBe(600);
      expect(timeline.allocations.map((allocation) => allocation.reason).slice(-1)).toEqual(["promote"]);
    },
    HEAVY,
  );

  it(
    "under bandit allocation, new users follow the latest re-allocation",
    async () => {
      const { segmentId, arms } = await createSegmentWithArms([1, 1]);
      const [control, variant] = arms;
      const users = await insertUsers(700);
      await addMembers(segmentId, users);
      const decisions = await decideAll(users.slice(0, 400), segmentId);
      // The variant converts every 2nd user, the control every 10th: the bandit moves traffic to the variant.
      await sendEvents(
        decisions.flatMap((decision, i) =>
          i % (decision.personalized_content_id === variant.id ? 2 : 10) === 0
            ? [
                {
                  user_id: users[i],
                  name: "content_conversion",
                  personalized_content_id: decision.personalized_content_id,
                },
              ]
            : [],
        ),
      );
      expect(
        (await api("PUT", `/api/v1/segments/${segmentId}/experiment`, { allocation: "bandit" })).status,
      ).toBe(200);
      const res = await api("POST", `/api/v1/segments/${segmentId}/experiment/reallocate`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const result = experimentResultSchema.parse(res.body);
      expect(result.variants.map((arm) => arm.planned_share)).toEqual([0.1, 0.9]);

      const later = await decideAll(users.slice(400), segmentId);
      expect(later.every((decision) => decision.assignment.reason === "bandit")).toBe(true);
      const toVariant = later.filter((decision) => decision.personalized_content_id === variant.id).length;
      // 300 users at 90%: 270 expected, sd ≈ 5.2.
      expect(toVariant).toBeGreaterThan(240);
      const after = await getExperiment(segmentId);
      expect(after.variants.map((arm) => arm.views)).toEqual([
        decisions.filter((d) => d.personalized_content_id === control.id).length + 300 - toVariant,
        decisions.filter((d) => d.personalized_content_id === variant.id).length + toVariant,
      ]);
      expect(after.sample_ratio.mismatch).toBe(false);
    },
    HEAVY,
  );
});
