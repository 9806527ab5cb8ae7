import { describe, expect, it } from "vitest";
import { bucketOf } from "./bucket";
import { chooseArm, defaultSettings, type SegmentExperiment, sharesOf } from "./choose-arm";

const SEGMENT = "5e9a6f0c-1b2d-4c3e-8f4a-000000000001";
const USER = "5e9a6f0c-1b2d-4c3e-8f4a-0000000000aa";
const arms = [
  { id: "a", traffic_weight: 1 },
  { id: "b", traffic_weight: 1 },
];

const experiment = (overrides: Partial<SegmentExperiment> = {}): SegmentExperiment => ({
  segment_id: SEGMENT,
  ...defaultSettings,
  latest_allocation: null,
  arms,
  ...overrides,
});

describe("chooseArm", () => {
  it("picks a new arm from the bucket of (segment id, user) when there are no settings", () => {
    const choice = chooseArm(experiment(), USER, undefined);
    const bucket = bucketOf(SEGMENT, USER);
    expect(choice).toMatchObject({ bucket, reason: "new", isNew: true });
    expect(choice?.arm.id).toBe(bucket < 5000 ? "a" : "b");
  });

  it("uses the salt when one is set", () => {
    expect(chooseArm(experiment({ salt: "s1" }), USER, undefined)?.bucket).toBe(bucketOf("s1", USER));
  });

  it("returns the stored arm (sticky) whatever the weights are now", () => {
    const stored = { personalized_content_id: "a", bucket: 9999 };
    const reweighted = experiment({ arms: [{ id: "a", traffic_weight: 0 }, arms[1]] });
    expect(chooseArm(reweighted, USER, stored)).toMatchObject({
      arm: { id: "a" },
      bucket: 9999,
      reason: "sticky",
    });
  });

  it("returns the winner of a completed experiment, before any stored arm, and records nothing", () => {
    const completed = experiment({ status: "completed", winner_personalized_content_id: "b" });
    const choice = chooseArm(completed, USER, { personalized_content_id: "a", bucket: 1 });
    expect(choice).toMatchObject({ arm: { id: "b" }, reason: "winner", isNew: false });
  });

  it("delivers nothing when paused or stopped, or when no arm can take new users", () => {
    expect(chooseArm(experiment({ status: "paused" }), USER, undefined)).toBeUndefined();
    expect(chooseArm(experiment({ status: "stopped" }), USER, undefined)).toBeUndefined();
    expect(chooseArm(experiment({ arms: [] }), USER, undefined)).toBeUndefined();
    const zero = experiment({ arms: arms.map((arm) => ({ ...arm, traffic_weight: 0 })) });
    expect(chooseArm(zero, USER, undefined)).toBeUndefined();
  });

  it("says only_variant when one arm can take new users, and bandit under bandit allocation", () => {
    const single = experiment({ arms: [arms[0], { id: "b", traffic_weight: 0 }] });
    expect(chooseArm(single, USER, undefined)).toMatchObject({ arm: { id: "a" }, reason: "only_variant" });
    const bandit = experiment({
      allocation: "bandit",
      latest_allocation: { id: 7, shares: { a: 0.3, b: 0.7 } },
    });
    expect(chooseArm(bandit, USER, undefined)?.reason).toBe("bandit");
    const banditOnlyB = experiment({
      allocation: "bandit",
      latest_allocation: { id: 8, shares: { a: 0, b: 1 } },
    });
    expect(chooseArm(banditOnlyB, USER, undefined)).toMatchObject({
      arm: { id: "b" },
      reason: "only_variant",
    });
  });
});

describe("sharesOf", () => {
  it("is weight over the sum, and empty when every weight is 0", () => {
    expect(
      sharesOf([
        { id: "a", traffic_weight: 1 },
        { id: "b", traffic_weight: 3 },
      ]),
    ).toEqual({ a: 0.25, b: 0.75 });
    expect(sharesOf([{ id: "a", traffic_weight: 0 }])).toEqual({});
  });
});
