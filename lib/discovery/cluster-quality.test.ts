import { describe, expect, it } from "vitest";
import { adjustedRandIndex, silhouette } from "./cluster-quality";

describe("adjustedRandIndex", () => {
  it("is 1 for the same partition under other names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], ["b", "b", "a", "a", "c", "c"])).toBe(1);
  });

  it("matches scikit-learn's value for a known pair of partitions", () => {
    // 4/7: the index evaluated by hand (what sklearn.metrics.adjusted_rand_score returns)
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 12);
    // and it is symmetric
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285715, 12);
  });

  it("is negative or near 0 for partitions that disagree", () => {
    // every pair split the other way
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });
});

describe("silhouette", () => {
  it("matches scikit-learn's silhouette_score on a small example", () => {
    const points = [
      [0, 0],
      [0, 1],
      [5, 5],
      [5, 6],
      [10, 0],
    ];
    const labels = [0, 0, 1, 1, 1];
    // The definition computed by hand in Python (what sklearn.metrics.silhouette_score returns)
    expect(silhouette(points, labels)).toBeCloseTo(0.5637294898581515, 10);
  });

  it("is near 1 for tight, far-apart clusters and 0 for a single cluster", () => {
    const points = [[0], [0.1], [100], [100.1]];
    expect(silhouette(points, [0, 0, 1, 1])).toBeGreaterThan(0.99);
    expect(silhouette(points, [0, 0, 0, 0])).toBe(0);
  });
});
