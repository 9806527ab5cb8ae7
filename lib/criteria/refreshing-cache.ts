/**
 * One value that is expensive to compute (a scan of every user) and may lag the data a little: the builder's
 * field catalogue. The rules, by the age of the value held (from when its computation started):
 * - younger than `freshMs`: answered as it is;
 * - from `freshMs` to `maxStaleMs`: answered as it is, and one recomputation starts in the background
 *   (stale-while-revalidate), so a visit never waits for the scan;
 * - none yet, or older than `maxStaleMs` (nobody asked for a long time): computed while the caller waits.
 * Concurrent callers share one computation. A failed background computation keeps the old value (and is
 * retried by the next caller); a failed foreground one fails its callers. The clock is injectable for tests.
 */
export interface RefreshingCacheOptions<T> {
  load: () => Promise<T>;
  freshMs: number;
  maxStaleMs: number;
  now?: () => number;
  onBackgroundError?: (error: unknown) => void;
}

export interface RefreshingCache<T> {
  get: () => Promise<T>;
  /** Forgets the value: the next get computes it (tests; a change known to matter). */
  clear: () => void;
}

export function createRefreshingCache<T>(options: RefreshingCacheOptions<T>): RefreshingCache<T> {
  const now = options.now ?? (() => Date.now());
  let held: { value: T; at: number } | undefined;
  let pending: Promise<T> | undefined;
  // Bumped by clear(): a computation started before it must not store its (older) value after it.
  let generation = 0;

  const compute = (): Promise<T> => {
    if (pending) return pending;
    const startedAt = now();
    const started = generation;
    const run = options.load().then(
      (value) => {
        if (started === generation) held = { value, at: startedAt };
        if (pending === run) pending = undefined;
        return value;
      },
      (error: unknown) => {
        if (pending === run) pending = undefined;
        throw error;
      },
    );
    pending = run;
    return run;
  };

  return {
    async get() {
      const age = held ? now() - held.at : Number.POSITIVE_INFINITY;
      if (!held || age >= options.maxStaleMs) return compute();
      if (age >= options.freshMs && !pending) {
        compute().catch((error: unknown) => options.onBackgroundError?.(error));
      }
      return held.value;
    },
    clear() {
      held = undefined;
      pending = undefined;
      generation += 1;
    },
  };
}
