import { describe, expect, it } from "vitest";
import { experimentResultSchema } from "@/lib/experiments/schemas";
import { experimentTimelineSchema } from "@/lib/experiments/settings-schemas";
import { createSegmentFixture, insertPersonalizedContent } from "../support/analytics-fixtures";
import { api } from "../support/api";
import { exposeArm, insertAllocationRow } from "../support/experiment-fixtures";

// Thousands of users and events per test: generous on a loaded machine.
const HEAVY = 180_000;

const MISSING = "00000000-0000-4000-8000-000000000000";

async function putSettings(segmentId: string, body: unknown) {
  return api("PUT", `/api/v1/segments/${segmentId}/experiment`, body);
}

describe("experiment settings", () => {
  it(
    "runs with the defaults before any setting is made",
    async () => {
      const segment = await createSegmentFixture("Defaults");
      await insertPersonalizedContent(segment.id, { variant_id: "control", is_control: true, views: 10 });
      const res = await api("GET", `/api/v1/segments/${segment.id}/experiment`);
      expect(res.status).toBe(200);
      const result = experimentResultSchema.parse(res.body);
      expect(result.settings).toEqual({
        status: "running",
        allocation: "fixed",
        primary_metric: "conversion",
        minimum_detectable_effect: 0.1,
        auto_promote: false,
        control_floor: 0.1,
        winner_personalized_content_id: null,
        completed_at: null,
      });
      expect(result.unit).toBe("views");
      expect(result.variants[0]).toMatchObject({ traffic_weight: 1, planned_share: 1 });
    },
    HEAVY,
  );

  it(
    "changes only the given settings, records each change, and reads with the new defaults",
    async () => {
      const segment = await createSegmentFixture("Settings");
      await insertPersonalizedContent(segment.id, {
        variant_id: "control",
        is_control: true,
        views: 1000,
        conversions: 100,
        engagement: 400,
      });
      const first = await putSettings(segment.id, { status: "paused", primary_metric: "engagement" });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const result = experimentResultSchema.parse(first.body);
      expect(result.settings).toMatchObject({
        status: "paused",
        primary_metric: "engagement",
        allocation: "fixed",
      });
      // The read-out's metric defaults to the primary metric.
      expect(result.metric).toBe("engagement");
      expect(result.control?.successes).toBe(400);

      const second = await putSettings(segment.id, {
        minimum_detectable_effect: 0.2,
        auto_promote: true,
        status: "paused",
      });
      expect(second.status).toBe(200);
      const read = experimentResultSchema.parse(
        (await api("GET", `/api/v1/segments/${segment.id}/experiment`)).body,
      );
      expect(read.settings).toMatchObject({
        status: "paused",
        primary_metric: "engagement",
        minimum_detectable_effect: 0.2,
        auto_promote: true,
      });
      expect(read.minimum_detectable_effect).toBe(0.2);
      const explicit = experimentResultSchema.parse(
        (await api("GET", `/api/v1/segments/${segment.id}/experiment?metric=conversion&mde=0.3`)).body,
      );
      expect(explicit).toMatchObject({ metric: "conversion", minimum_detectable_effect: 0.3 });

      // A change to the same value is no change and leaves no history row.
      await putSettings(segment.id, { auto_promote: true });
      const timeline = experimentTimelineSchema.parse(
        (await api("GET", `/api/v1/segments/${segment.id}/experiment/timeline`)).body,
      );
      expect(timeline.history.map((entry) => [entry.kind, entry.changes])).toEqual([
        [
          "settings",
          {
            status: { from: "running", to: "paused" },
            primary_metric: { from: "conversion", to: "engagement" },
          },
        ],
        [
          "settings",
          { minimum_detectable_effect: { from: 0.1, to: 0.2 }, auto_promote: { from: false, to: true } },
        ],
      ]);
      expect(Date.parse(timeline.history[0].at)).toBeLessThanOrEqual(Date.parse(timeline.history[1].at));
    },
    HEAVY,
  );

  it(
    "rejects invalid settings with 422 naming the field, and an unknown segment with 404",
    async () => {
      const segment = await createSegmentFixture("Invalid");
      const cases: [unknown, string][] = [
        [{ status: "completed" }, "status"],
        [{ allocation: "random" }, "allocation"],
        [{ primary_metric: "revenue" }, "primary_metric"],
        [{ minimum_detectable_effect: 0 }, "minimum_detectable_effect"],
        [{ control_floor: 0.95 }, "control_floor"],
        [{ auto_promote: "yes" }, "auto_promote"],
        [{ salt: "x" }, "(root)"],
        [{}, "(root)"],
      ];
      for (const [body, field] of cases) {
        const res = await putSettings(segment.id, body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
      for (const [method, path] of [
        ["GET", "experiment"],
        ["PUT", "experiment"],
        ["GET", "experiment/timeline"],
        ["POST", "experiment/promote"],
        ["POST", "experiment/reallocate"],
      ]) {
        const res = await api(
          method,
          `/api/v1/segments/${MISSING}/${path}`,
          method === "PUT" ? { status: "paused" } : undefined,
        );
        expect(res.status, `${method} ${path}`).toBe(404);
      }
      expect((await api("GET", "/api/v1/segments/not-a-uuid/experiment/timeline")).status).toBe(422);
    },
    HEAVY,
  );

  it(
    "restarting a completed experiment clears its winner",
    async () => {
      const segment = await createSegmentFixture("Restart");
      const control = await insertPersonalizedContent(segment.id, {
        variant_id: "control",
        is_control: true,
      });
      const variant = await insertPersonalizedContent(segment.id, { variant_id: "variant_a" });
      const promoted = await api("POST", `/api/v1/segments/${segment.id}/experiment/promote`, {
        personalized_content_id: variant,
      });
      expect(promoted.status).toBe(200);
      expect(promoted.body.settings).toMatchObject({
        status: "completed",
        winner_personalized_content_id: variant,
      });
      const restarted = await putSettings(segment.id, { status: "running" });
      expect(restarted.body.settings).toMatchObject({
        status: "running",
        winner_personalized_content_id: null,
        completed_at: null,
      });
      const timeline = experimentTimelineSchema.parse(
        (await api("GET", `/api/v1/segments/${segment.id}/experiment/timeline`)).body,
      );
      expect(timeline.history.map((entry) => entry.kind)).toEqual(["promote", "settings"]);
      expect(timeline.history[1].changes).toMatchObject({
        status: { from: "completed", to: "running" },
        winner_personalized_content_id: { from: variant, to: null },
      });
      // The winner's 100%, then the weights again for new users.
      const [promotion, resumed] = timeline.allocations.slice(-2);
      const sharesOf = (allocation: typeof promotion) =>
        Object.fromEntries(allocation.shares.map((s) => [s.personalized_content_id, s.share]));
      expect(promotion.reason).toBe("promote");
      expect(sharesOf(promotion)).toEqual({ [control]: 0, [variant]: 1 });
      expect(resumed.reason).toBe("weights");
      expect(sharesOf(resumed)).toEqual({ [control]: 0.5, [variant]: 0.5 });
    },
    HEAVY,
  );
});

describe("GET /api/v1/segments/{segment_id}/experiment/timeline", () => {
  it(
    "lists the stored splits and the users first exposed per arm and UTC day",
    async () => {
      const segment = await createSegmentFixture("Timeline");
      const control = await insertPersonalizedContent(segment.id, {
        variant_id: "control",
        is_control: true,
      });
      const variant = await insertPersonalizedContent(segment.id, { variant_id: "variant_a" });
      const first = await insertAllocationRow(
        segment.id,
        { [control]: 0.5, [variant]: 0.5 },
        "weights",
        new Date("2026-03-01T08:00:00Z"),
      );
      const second = await insertAllocationRow(
        segment.id,
        { [control]: 0.2, [variant]: 0.8 },
        "bandit",
        new Date("2026-03-02T08:00:00Z"),
      );
      // 23:30 UTC on the 1st and 00:30 UTC on the 2nd fall on different days, whatever the server's time zone.
      await exposeArm(segment.id, control, {
        users: 3,
        allocationId: first,
        exposedAt: new Date("2026-03-01T23:30:00Z"),
      });
      await exposeArm(segment.id, variant, {
        users: 2,
        allocationId: first,
        exposedAt: new Date("2026-03-01T23:30:00Z"),
      });
      await exposeArm(segment.id, variant, {
        users: 4,
        allocationId: second,
        exposedAt: new Date("2026-03-02T00:30:00Z"),
      });

      const res = await api("GET", `/api/v1/segments/${segment.id}/experiment/timeline`);
      expect(res.status).toBe(200);
      const timeline = experimentTimelineSchema.parse(res.body);
      expect(
        timeline.allocations.map((allocation) => [allocation.id, allocation.reason, allocation.at]),
      ).toEqual([
        [first, "weights", "2026-03-01T08:00:00.000Z"],
        [second, "bandit", "2026-03-02T08:00:00.000Z"],
      ]);
      expect(timeline.allocations[1].shares).toEqual(
        expect.arrayContaining([
          { personalized_content_id: control, share: 0.2 },
          { personalized_content_id: variant, share: 0.8 },
        ]),
      );
      const [lower, higher] = [control, variant].sort();
      expect(timeline.exposures).toEqual([
        { date: "2026-03-01", personalized_content_id: lower, users: lower === control ? 3 : 2 },
        { date: "2026-03-01", personalized_content_id: higher, users: higher === control ? 3 : 2 },
        { date: "2026-03-02", personalized_content_id: variant, users: 4 },
      ]);
    },
    HEAVY,
  );
});
