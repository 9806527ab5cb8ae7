import { Matrix, solve } from "ml-matrix";

export interface LogisticFit {
  /** Intercept first, then one weight per column of the design. */
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, x))));

/**
 * Ridge-penalised logistic regression by iteratively reweighted least squares (Newton–Raphson): each step
 * solves (XᵀWX + λI) Δ = Xᵀ(y − p) − λβ with ml-matrix. We do not use ml-logistic-regression: it runs a fixed
 * number of plain gradient steps (50,000 by default) with a fixed learning rate on the summed gradient, has
 * no intercept and no convergence test, so its answer depends on the data's size and scale; IRLS converges in
 * a handful of steps to the penalised maximum likelihood. The penalty (not on the intercept) keeps the
 * weights finite when a category separates the classes perfectly.
 */
export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  options: { lambda?: number; maxIterations?: number; tolerance?: number } = {},
): LogisticFit {
  const { lambda = 1, maxIterations = 30, tolerance = 1e-8 } = options;
  const n = rows.length;
  const p = (rows[0]?.length ?? 0) + 1;
  const beta = new Array(p).fill(0);
  const positives = labels.reduce((a, b) => a + b, 0);
  // Start at the base rate: the first Newton step then only has the features' share to find.
  beta[0] = Math.log((positives + 0.5) / (n - positives + 0.5));
  const x = (i: number, j: number) => (j === 0 ? 1 : rows[i][j - 1]);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const hessian = Array.from({ length: p }, () => new Float64Array(p));
    const gradient = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      let eta = beta[0];
      const row = rows[i];
      for (let j = 1; j < p; j++) eta += beta[j] * row[j - 1];
      const mu = sigmoid(eta);
      const w = Math.max(mu * (1 - mu), 1e-10);
      const residual = labels[i] - mu;
      for (let a = 0; a < p; a++) {
        const xa = x(i, a);
        if (xa === 0) continue;
        gradient[a] += xa * residual;
        const line = hessian[a];
        for (let b = a; b < p; b++) line[b] += w * xa * x(i, b);
      }
    }
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < a; b++) hessian[a][b] = hessian[b][a];
      if (a > 0) {
        hessian[a][a] += lambda;
        gradient[a] -= lambda * beta[a];
      }
    }
    const step = solve(
      new Matrix(hessian.map((line) => Array.from(line))),
      Matrix.columnVector(Array.from(gradient)),
    ).to1DArray();
    let largest = 0;
    for (let j = 0; j < p; j++) {
      beta[j] += step[j];
      largest = Math.max(largest, Math.abs(step[j]));
    }
    if (!beta.every(Number.isFinite)) throw new Error("Logistic regression diverged");
    if (largest < tolerance) return { coefficients: beta, iterations: iteration, converged: true };
  }
  return { coefficients: beta, iterations: maxIterations, converged: false };
}

export function predictLogistic(coefficients: readonly number[], row: readonly number[]): number {
  let eta = coefficients[0];
  for (let j = 1; j < coefficients.length; j++) eta += coefficients[j] * row[j - 1];
  return sigmoid(eta);
}

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the chance that a random positive scores above a
 * random negative, ties counting half (average ranks). NaN-free: 0.5 when either class is empty.
 */
export function areaUnderCurve(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((score, i) => ({ score, label: labels[i] })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].score === order[i].score) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) {
      if (order[t].label === 1) {
        rankSum += averageRank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
