import { describe, expect, it } from "vitest";
import { experimentJob } from "@/lib/experiments/scheduled-pass";
import { experimentResultSchema } from "@/lib/experiments/schemas";
import { experimentTimelineSchema } from "@/lib/experiments/settings-schemas";
import { scheduledJobs } from "@/lib/scheduler/jobs";
import { runJobOnce } from "@/lib/scheduler/scheduler";
import { createSegmentFixture, insertPersonalizedContent } from "../support/analytics-fixtures";
import { api } from "../support/api";
import { exposeArm, insertAllocationRow } from "../support/experiment-fixtures";

// Thousands of users and events per test: generous on a loaded machine.
const HEAVY = 180_000;

const MISSING = "00000000-0000-4000-8000-000000000000";

async function getExperiment(segmentId: string) {
  const res = await api("GET", `/api/v1/segments/${segmentId}/experiment`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return experimentResultSchema.parse(res.body);
}

async function timeline(segmentId: string) {
  const res = await api("GET", `/api/v1/segments/${segmentId}/experiment/timeline`);
  expect(res.status).toBe(200);
  return experimentTimelineSchema.parse(res.body);
}

async function putSettings(segmentId: string, body: unknown) {
  const res = await api("PUT", `/api/v1/segments/${segmentId}/experiment`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/**
 * Control 70 of 700 users convert (10%), variant A 126 of `variantUsers` users (18% of 700). With an MDE of
 * 0.5 the plan needs 686 users per arm (R's power.prop.test for 10% → 15%: n = 685.6); the difference is
 * significant: SciPy chi2_contingency([[126, 574], [70, 630]], correction=False) p = 1.6e-05.
 */
async function decidedTest(name: string, options: { variantUsers?: number; mde?: number } = {}) {
  const segment = await createSegmentFixture(name);
  const control = await insertPersonalizedContent(segment.id, { variant_id: "control", is_control: true });
  const variant = await insertPersonalizedContent(segment.id, { variant_id: "variant_a" });
  const allocation = await insertAllocationRow(segment.id, { [control]: 0.5, [variant]: 0.5 });
  const variantUsers = options.variantUsers ?? 700;
  await exposeArm(segment.id, control, { users: 700, converted: 70, allocationId: allocation });
  await exposeArm(segment.id, variant, {
    users: variantUsers,
    converted: Math.round(0.18 * variantUsers),
    allocationId: allocation,
  });
  await putSettings(segment.id, { minimum_detectable_effect: options.mde ?? 0.5 });
  return { segmentId: segment.id, control, variant };
}

describe("POST /api/v1/segments/{segment_id}/experiment/promote", () => {
  it(
    "promotes the significantly best arm, and says when and why",
    async () => {
      const { segmentId, control, variant } = await decidedTest("Promote best");
      const before = await getExperiment(segmentId);
      expect(before.status).toBe("significant_winner");
      expect(before.required_sample_size_per_variant).toBe(686);

      const res = await api("POST", `/api/v1/segments/${segmentId}/experiment/promote`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const result = experimentResultSchema.parse(res.body);
      expect(result.settings).toMatchObject({ status: "completed", winner_personalized_content_id: variant });
      expect(Date.now() - Date.parse(result.settings.completed_at!)).toBeLessThan(60_000);

      const { history, allocations } = await timeline(segmentId);
      const promotion = history.at(-1)!;
      expect(promotion).toMatchObject({
        kind: "promote",
        changes: {
          status: { from: "running", to: "completed" },
          winner_personalized_content_id: { from: null, to: variant },
        },
      });
      expect(promotion.at).toBe(result.settings.completed_at);
      expect(promotion.reason).toMatch(
        /^Promoted by hand\. Variant A beats control: conversion rate 18\.00% vs 10\.00% per user/,
      );
      expect(allocations.at(-1)!.reason).toBe("promote");
      expect(allocations.at(-1)!.shares).toEqual(
        expect.arrayContaining([
          { personalized_content_id: control, share: 0 },
          { personalized_content_id: variant, share: 1 },
        ]),
      );
    },
    HEAVY,
  );

  it(
    "answers 409 when no arm is significantly best, and promotes a named arm anyway",
    async () => {
      const { segmentId, control } = await decidedTest("Promote early", { mde: 0.1 });
      const refused = await api("POST", `/api/v1/segments/${segmentId}/experiment/promote`, {});
      expect(refused.status).toBe(409);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(refused.body.detail).toMatch(/No arm is significantly best yet/);
      expect((await getExperiment(segmentId)).settings.status).toBe("running");

      const named = await api("POST", `/api/v1/segments/${segmentId}/experiment/promote`, {
        personalized_content_id: control,
      });
      expect(named.status).toBe(200);
      expect(named.body.settings).toMatchObject({
        status: "completed",
        winner_personalized_content_id: control,
      });
      expect((await timeline(segmentId)).history.at(-1)!.reason).toMatch(
        /^Promoted by hand\. .*more users needed/,
      );
    },
    HEAVY,
  );

  it(
    "rejects content that is not the segment's (422 naming the field) and an invalid body",
    async () => {
      const { segmentId } = await decidedTest("Promote foreign");
      const other = await createSegmentFixture("Other");
      const foreign = await insertPersonalizedContent(other.id, { variant_id: "control", is_control: true });
      for (const id of [foreign, MISSING, "nope"]) {
        const res = await api("POST", `/api/v1/segments/${segmentId}/experiment/promote`, {
          personalized_content_id: id,
        });
        expect(res.status).toBe(422);
        expect(res.body.errors[0].field).toBe("personalized_content_id");
      }
      expect((await getExperiment(segmentId)).settings.status).toBe("running");
    },
    HEAVY,
  );
});

describe("auto-promotion by the experiments job", () => {
  it(
    "is the scheduler's job, on BANDIT_INTERVAL_SECONDS (default 300)",
    () => {
      const job = scheduledJobs().find((candidate) => candidate.name === "experiments");
      expect(job?.intervalSeconds).toBe(300);
      process.env.BANDIT_INTERVAL_SECONDS = "42";
      try {
        expect(experimentJob().intervalSeconds).toBe(42);
      } finally {
        delete process.env.BANDIT_INTERVAL_SECONDS;
      }
    },
    HEAVY,
  );

  it(
    "promotes once the sample size is reached, the best arm is significant and the split is as planned",
    async () => {
      const ready = await decidedTest("Auto ready");
      const early = await decidedTest("Auto early", { mde: 0.1 });
      // 700 vs 900 users where 50/50 was planned: chi-square 25, p 5.7e-07 (SciPy chisquare([700, 900])).
      const skewed = await decidedTest("Auto skewed", { variantUsers: 900 });
      const off = await decidedTest("Auto off");
      for (const test of [ready, early, skewed]) await putSettings(test.segmentId, { auto_promote: true });

      expect(await runJobOnce(experimentJob())).toBe("ran");

      const promoted = await getExperiment(ready.segmentId);
      expect(promoted.settings).toMatchObject({
        status: "completed",
        winner_personalized_content_id: ready.variant,
      });
      const entry = (await timeline(ready.segmentId)).history.at(-1)!;
      expect(entry.kind).toBe("promote");
      expect(entry.at).toBe(promoted.settings.completed_at);
      expect(entry.reason).toMatch(
        /^Auto-promoted: every arm reached the planned 686 users; Variant A beats control: .* The sample-ratio check passed \(p = 1\.000\)\.$/,
      );

      const notYet = await getExperiment(early.segmentId);
      expect(notYet.status).toBe("collecting_data");
      expect(notYet.settings.status).toBe("running");
      const mismatch = await getExperiment(skewed.segmentId);
      expect(mismatch.sample_ratio.mismatch).toBe(true);
      expect(mismatch.variants[1].significant).toBe(true);
      expect(mismatch.settings.status).toBe("running");
      expect((await getExperiment(off.segmentId)).settings.status).toBe("running");
    },
    HEAVY,
  );
});

describe("bandit re-allocation", () => {
  it(
    "is refused for fixed allocation and after completion",
    async () => {
      const { segmentId, variant } = await decidedTest("Fixed");
      const fixed = await api("POST", `/api/v1/segments/${segmentId}/experiment/reallocate`);
      expect(fixed.status).toBe(409);
      expect(fixed.body.detail).toMatch(/fixed allocation/);
      await putSettings(segmentId, { allocation: "bandit" });
      await api("POST", `/api/v1/segments/${segmentId}/experiment/promote`, {
        personalized_content_id: variant,
      });
      expect((await api("POST", `/api/v1/segments/${segmentId}/experiment/reallocate`)).status).toBe(409);
    },
    HEAVY,
  );

  it(
    "sets the weights by Thompson sampling, keeps the control's floor and stores each new split",
    async () => {
      const segment = await createSegmentFixture("Bandit");
      const control = await insertPersonalizedContent(segment.id, {
        variant_id: "control",
        is_control: true,
      });
      const a = await insertPersonalizedContent(segment.id, { variant_id: "variant_a" });
      const b = await insertPersonalizedContent(segment.id, { variant_id: "variant_b" });
      const even = await insertAllocationRow(segment.id, { [control]: 1 / 3, [a]: 1 / 3, [b]: 1 / 3 });
      await exposeArm(segment.id, control, { users: 600, converted: 60, allocationId: even });
      await exposeArm(segment.id, a, { users: 600, converted: 90, allocationId: even });
      await exposeArm(segment.id, b, { users: 600, converted: 57, allocationId: even });
      await putSettings(segment.id, { allocation: "bandit", control_floor: 0.2 });

      const res = await api("POST", `/api/v1/segments/${segment.id}/experiment/reallocate`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const result = experimentResultSchema.parse(res.body);
      const [c, va, vb] = result.variants;
      // 15% vs 10% and 9.5% of 600: A is best with posterior probability ≈ 0.99, so the control gets its floor.
      expect(c.planned_share).toBeCloseTo(0.2, 12);
      expect(va.planned_share).toBeGreaterThan(0.75);
      expect(vb.planned_share).toBeLessThan(0.05);
      expect(c.traffic_weight + va.traffic_weight + vb.traffic_weight).toBeCloseTo(3, 12);

      const first = await timeline(segment.id);
      const allocation = first.allocations.at(-1)!;
      expect(allocation.reason).toBe("bandit");
      const stored = Object.fromEntries(allocation.shares.map((s) => [s.personalized_content_id, s.share]));
      expect(stored[control]).toBeCloseTo(0.2, 12);
      expect(stored[a]).toBeCloseTo(va.planned_share, 12);
      const entry = first.history.at(-1)!;
      expect(entry.kind).toBe("reallocate");
      expect(entry.changes[a]).toEqual({ from: 1 / 3, to: va.planned_share });
      expect(entry.reason).toMatch(
        /^Thompson sampling on conversion per user: probability to be best .*control floor 20%\.$/,
      );

      // The same data gives the same split: nothing new is stored, by hand or by the job.
      await api("POST", `/api/v1/segments/${segment.id}/experiment/reallocate`);
      expect(await runJobOnce(experimentJob())).toBe("ran");
      expect((await timeline(segment.id)).allocations).toHaveLength(first.allocations.length);

      // 500 new users split as planned; the next scheduled pass re-allocates.
      const toA = Math.round(500 * va.planned_share);
      const toB = Math.round(500 * vb.planned_share);
      await exposeArm(segment.id, control, { users: 100, converted: 10, allocationId: allocation.id });
      await exposeArm(segment.id, a, {
        users: toA,
        converted: Math.round(0.15 * toA),
        allocationId: allocation.id,
      });
      if (toB > 0) await exposeArm(segment.id, b, { users: toB, converted: 0, allocationId: allocation.id });
      expect(await runJobOnce(experimentJob())).toBe("ran");
      const second = await timeline(segment.id);
      expect(second.allocations).toHaveLength(first.allocations.length + 1);
      expect(second.allocations.at(-1)!.reason).toBe("bandit");
      expect(second.history.at(-1)!.kind).toBe("reallocate");
      const after = await getExperiment(segment.id);
      // Each user counts with the split in force when assigned: 1,800 under thirds, 500 under the first bandit split.
      expect(after.sample_ratio.p_value).toBeGreaterThan(0.5);
    },
    HEAVY,
  );
});
