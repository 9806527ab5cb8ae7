export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values: number[]) => percentile(values, 50);

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Runs `a` and `b` alternately (after one warm-up each), so that noise on a shared machine hits both alike. */
export async function compareAlternating(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  await a();
  await b();
  const times = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    times.a.push((await timed(a)).ms);
    times.b.push((await timed(b)).ms);
  }
  return { a: median(times.a), b: median(times.b), ratio: median(times.a) / median(times.b), times };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
