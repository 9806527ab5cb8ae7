import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { armForBucket, BUCKET_COUNT, bucketOf } from "./bucket";

describe("bucketOf", () => {
  it("is the first 4 bytes of SHA-256(salt:user) mod 10,000, as `sha256sum` computes it", () => {
    // printf '%s' '11111111-…:22222222-…' | sha256sum → 90b3f6e0…; 0x90b3f6e0 = 2427713248 → 3248.
    expect(bucketOf("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222")).toBe(
      3248,
    );
  });

  it("stays in 0–9999", () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (salt, user) => {
        const bucket = bucketOf(salt, user);
        expect(Number.isInteger(bucket) && bucket >= 0 && bucket < BUCKET_COUNT).toBe(true);
      }),
    );
  });
});

describe("armForBucket", () => {
  const arms = [
    { id: "a", weight: 1 },
    { id: "b", weight: 0 },
    { id: "c", weight: 3 },
  ];

  it("gives each arm a range proportional to its weight, in the given order", () => {
    expect(armForBucket(arms, 0)?.id).toBe("a");
    expect(armForBucket(arms, 2499)?.id).toBe("a");
    expect(armForBucket(arms, 2500)?.id).toBe("c");
    expect(armForBucket(arms, 9999)?.id).toBe("c");
  });

  it("never picks an arm of weight 0, and nothing when all weights are 0", () => {
    expect(armForBucket([{ id: "z", weight: 0 }], 10)).toBeUndefined();
    expect(armForBucket([], 10)).toBeUndefined();
  });

  it("covers exactly weight / sum of the buckets for each arm", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }), (weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const list = weights.map((weight, i) => ({ id: String(i), weight }));
        const counts = new Map<string, number>();
        for (let bucket = 0; bucket < BUCKET_COUNT; bucket++) {
          const arm = armForBucket(list, bucket);
          counts.set(arm?.id ?? "none", (counts.get(arm?.id ?? "none") ?? 0) + 1);
        }
        // Each arm's count is a difference of two rounded-up boundaries: within 1 of its exact share,
        // give or take the floating-point error of computing that share here.
        weights.forEach((weight, i) => {
          expect(
            Math.abs((counts.get(String(i)) ?? 0) - (weight / total) * BUCKET_COUNT),
          ).toBeLessThanOrEqual(1 + 1e-9);
        });
      }),
      { numRuns: 50 },
    );
  });
});
