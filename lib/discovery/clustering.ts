import { kmeans } from "ml-kmeans";
import { silhouette, squaredDistance } from "./cluster-quality";
import { sampleIndexes, seededRandom } from "./seeded-random";

/** k is chosen on this many points (k-means for each k from 2 to 12 on all 50,000 would take minutes). */
const SELECTION_POINTS = 4_000;
/** Silhouette is O(n²): this many points give a mean within about ±0.02 and take well under a second. */
const SILHOUETTE_POINTS = 1_000;
/** Restarts per k: k-means++ can still settle in a poor local optimum; the lowest inertia wins. */
const RESTARTS = 3;

export interface Clustering {
  k: number;
  labels: number[];
  centroids: number[][];
  silhouette: number;
}

function inertia(points: number[][], labels: number[], centroids: number[][]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) sum += squaredDistance(points[i], centroids[labels[i]]);
  return sum;
}

function bestOfRestarts(points: number[][], k: number, seed: number, initialization?: number[][]) {
  let best: { labels: number[]; centroids: number[][]; inertia: number } | undefined;
  const runs = initialization ? 1 : RESTARTS;
  for (let run = 0; run < runs; run++) {
    const result = kmeans(points, k, {
      seed: seed + run,
      initialization: initialization ?? "kmeans++",
      maxIterations: 100,
    });
    const value = inertia(points, result.clusters, result.centroids);
    if (!best || value < best.inertia)
      best = { labels: result.clusters, centroids: result.centroids, inertia: value };
  }
  return best as { labels: number[]; centroids: number[][]; inertia: number };
}

/**
 * k-means (ml-kmeans, k-means++ seeding, seeded) on standardized points. Without k, each k from 2 to 12 is
 * fitted on a seeded subsample and scored by mean silhouette on a smaller one; the best k is then fitted on
 * every point, starting from the subsample's centroids. Empty clusters are dropped.
 */
export function clusterPoints(points: number[][], seed: number, requestedK?: number): Clustering {
  const random = seededRandom(seed);
  const distinct = new Set(points.map((p) => p.join(","))).size;
  const maxK = Math.min(12, distinct);
  if (maxK < 2)
    return { k: points.length > 0 ? 1 : 0, labels: points.map(() => 0), centroids: [], silhouette: 0 };

  const selection = sampleIndexes(points.length, SELECTION_POINTS, random).map((i) => points[i]);
  const scoring = sampleIndexes(selection.length, SILHOUETTE_POINTS, random);
  const scoringPoints = scoring.map((i) => selection[i]);
  const candidates = requestedK ? [Math.min(requestedK, maxK)] : range(2, maxK);
  let chosen: { k: number; centroids: number[][]; score: number } | undefined;
  for (const k of candidates) {
    const fit = bestOfRestarts(selection, k, seed);
    const score = silhouette(
      scoringPoints,
      scoring.map((i) => fit.labels[i]),
    );
    if (!chosen || score > chosen.score + 1e-9) chosen = { k, centroids: fit.centroids, score };
  }
  const final = chosen as { k: number; centroids: number[][]; score: number };
  const fit = bestOfRestarts(points, final.k, seed, final.centroids);
  // Renumber the clusters that kept members 0..k-1, largest first, so names and order are stable.
  const sizes = new Map<number, number>();
  for (const label of fit.labels) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([label]) => label);
  const renumber = new Map(order.map((label, index) => [label, index]));
  const centroids = order.map((label) => fit.centroids[label]);
  const labels = fit.labels.map((label) => renumber.get(label) as number);
  const finalScoring = sampleIndexes(points.length, SILHOUETTE_POINTS, seededRandom(seed + 7));
  const score = silhouette(
    finalScoring.map((i) => points[i]),
    finalScoring.map((i) => labels[i]),
  );
  return { k: centroids.length, labels, centroids, silhouette: Number.isFinite(score) ? score : 0 };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
