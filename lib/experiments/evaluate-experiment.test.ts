import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateExperiment } from "./evaluate-experiment";
import type { ExperimentArm } from "./schemas";
import { variantLabel } from "./verdict";

const options = { metric: "conversion" as const, mde: 0.1, alpha: 0.05 };
let next = 0;
function arm(variant_id: string | null, views: number, successes: number, is_control = false): ExperimentArm {
  next += 1;
  return {
    personalized_content_id: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    variant_id,
    is_control,
    title: `Title ${next}`,
    views,
    successes,
    traffic_weight: 1,
    planned_share: 1,
  };
}

describe("evaluateExperiment", () => {
  it("calls no winner before the planned sample size, however small the p-value", () => {
    // 5% vs 10% of 1,000: p ≈ 2e-5, but 4.5% → 4.95% needs ~31k views per group.
    const result = evaluateExperiment([arm("control", 1000, 50, true), arm("variant_a", 1000, 100)], options);
    expect(result.variants[1].p_value).toBeLessThan(1e-4);
    expect(result.status).toBe("collecting_data");
    expect(result.variants[1].significant).toBe(false);
    expect(result.views_needed).toBeGreaterThan(0);
  });

  it("puts the control first and leaves its comparison fields null", () => {
    const result = evaluateExperiment([arm("b", 100, 5), arm("control", 100, 4, true)], options);
    expect(result.variants.map((v) => v.variant_id)).toEqual(["control", "b"]);
    expect(result.control).toMatchObject({
      uplift_absolute: null,
      p_value: null,
      probability_to_beat_control: null,
    });
  });

  it("waits for the control's first success before planning", () => {
    const result = evaluateExperiment([arm("control", 500, 0, true), arm("a", 500, 3)], options);
    expect(result).toMatchObject({
      status: "collecting_data",
      required_sample_size_per_variant: null,
      views_needed: null,
    });
    expect(result.variants[1].uplift_relative).toBeNull();
    expect(result.verdict).toMatch(/control has no conversions yet/);
  });

  it("never produces a non-finite number", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5000), fc.nat(5000)), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (groups, withControl) => {
          const arms = groups.map(([views, successes], i) =>
            arm(`v${i}`, views, successes, withControl && i === 0),
          );
          const text = JSON.stringify(evaluateExperiment(arms, options), (_key, value) => {
            if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`non-finite ${value}`);
            return value;
          });
          expect(text).not.toContain("NaN");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("variantLabel", () => {
  it("turns ids into names", () => {
    expect(variantLabel({ variant_id: "variant_a", title: null, is_control: false })).toBe("Variant A");
    expect(variantLabel({ variant_id: "new-hero-image", title: null, is_control: false })).toBe(
      "New hero image",
    );
    expect(variantLabel({ variant_id: null, title: "Spring sale", is_control: false })).toBe("Spring sale");
  });
});
