import { describe, expect, it } from "vitest";
import { evaluateExperiment } from "./evaluate-experiment";
import { expectedSharesByAssignment, sampleRatioCheck } from "./planning";
import type { ExperimentArm } from "./schemas";
import { autoPromotionDecision, significantBestArm } from "./winner";

describe("sampleRatioCheck against planned shares", () => {
  it("matches SciPy's chisquare with unequal expected counts", () => {
    // SciPy 1.17.1: stats.chisquare([300, 620, 80], [300, 600, 100]) → 4.666666666666667, p 0.09697196786440507
    const check = sampleRatioCheck([300, 620, 80], [0.3, 0.6, 0.1])!;
    expect(check.chiSquare).toBeCloseTo(4.666666666666667, 12);
    expect(check.pValue).toBeCloseTo(0.09697196786440507, 12);
    expect(check.expectedShares.map((share) => Number(share.toFixed(12)))).toEqual([0.3, 0.6, 0.1]);
  });

  it("leaves out arms planned at 0% that got nobody, and flags any that got someone", () => {
    // stats.chisquare([480, 520]) → 1.6, p 0.20590321073206466 (one degree of freedom, not two)
    const idle = sampleRatioCheck([480, 520, 0], [1, 1, 0])!;
    expect(idle.chiSquare).toBeCloseTo(1.6, 12);
    expect(idle.pValue).toBeCloseTo(0.20590321073206466, 12);
    const leak = sampleRatioCheck([480, 520, 3], [1, 1, 0])!;
    expect(leak.chiSquare).toBe(Number.POSITIVE_INFINITY);
    expect(leak.pValue).toBe(0);
    expect(sampleRatioCheck([10, 0], [1, 0])).toBeNull();
  });
});

describe("expectedSharesByAssignment", () => {
  it("weighs each user with the split in force when assigned", () => {
    const shares = expectedSharesByAssignment(
      ["c", "a"],
      [
        { shares: { c: 0.5, a: 0.5 }, users: { c: 495, a: 505 } },
        { shares: { c: 0.8, a: 0.2 }, users: { c: 795, a: 205 } },
      ],
      { c: 0.8, a: 0.2 },
    );
    expect(shares.c).toBeCloseTo(0.65, 12);
    expect(shares.a).toBeCloseTo(0.35, 12);
  });

  it("restricts a split to the arms read out, and uses the current shares for users of an unknown split", () => {
    const shares = expectedSharesByAssignment(
      ["c", "a"],
      [
        // Content outside the experiment had 20%; its users are not in the counts.
        { shares: { c: 0.4, a: 0.4, other: 0.2 }, users: { c: 100, a: 100, other: 50 } },
        { shares: null, users: { c: 150, a: 50 } },
      ],
      { c: 0.75, a: 0.25 },
    );
    // (200 × 0.5 + 200 × 0.75) / 400 = 0.625
    expect(shares.c).toBeCloseTo(0.625, 12);
    expect(shares.a).toBeCloseTo(0.375, 12);
    expect(expectedSharesByAssignment(["c", "a"], [], { c: 0.5, a: 0.5 })).toEqual({ c: 0.5, a: 0.5 });
  });
});

describe("promotion rules", () => {
  let next = 0;
  const arm = (variant_id: string, views: number, successes: number, is_control = false): ExperimentArm => ({
    personalized_content_id: `00000000-0000-4000-8000-${String(++next).padStart(12, "0")}`,
    variant_id,
    is_control,
    title: null,
    views,
    successes,
    traffic_weight: 1,
    planned_share: 0.5,
  });
  const read = (arms: ExperimentArm[], unit: "users" | "views" = "users") =>
    evaluateExperiment(arms, { metric: "conversion", mde: 0.5, alpha: 0.05, unit });

  it("picks the variant that significantly beats control, or the control when every variant loses", () => {
    const win = read([arm("control", 700, 70, true), arm("variant_a", 700, 126)]);
    expect(significantBestArm(win)?.variant_id).toBe("variant_a");
    const lose = read([arm("control", 700, 126, true), arm("variant_a", 700, 70)]);
    expect(significantBestArm(lose)?.variant_id).toBe("control");
    const mixed = read([
      arm("control", 700, 100, true),
      arm("variant_a", 700, 40),
      arm("variant_b", 700, 105),
    ]);
    expect(significantBestArm(mixed)).toBeNull();
  });

  it("auto-promotes only per user, with the sample size reached and the split as planned", () => {
    const decision = autoPromotionDecision(read([arm("control", 700, 70, true), arm("variant_a", 700, 126)]));
    expect(decision?.winner.variant_id).toBe("variant_a");
    expect(decision?.reason).toMatch(/^Auto-promoted: every arm reached the planned 686 users;/);
    expect(
      autoPromotionDecision(read([arm("control", 700, 70, true), arm("variant_a", 700, 126)], "views")),
    ).toBeNull();
    expect(
      autoPromotionDecision(read([arm("control", 600, 60, true), arm("variant_a", 600, 108)])),
    ).toBeNull();
    expect(
      autoPromotionDecision(read([arm("control", 700, 70, true), arm("variant_a", 900, 162)])),
    ).toBeNull();
  });
});
