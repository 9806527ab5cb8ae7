import { describe, expect, it, vi } from "vitest";
import { createRefreshingCache } from "./refreshing-cache";

/** A load whose calls are counted and which resolves only when told to. */
function controlledLoad() {
  const calls: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  const load = () =>
    new Promise<number>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createRefreshingCache", () => {
  it("computes the first value while the caller waits, once for concurrent callers", async () => {
    const clock = 0;
    const { load, calls } = controlledLoad();
    const cache = createRefreshingCache({ load, freshMs: 30, maxStaleMs: 600, now: () => clock });
    const first = cache.get();
    const second = cache.get();
    await settle();
    expect(calls).toHaveLength(1);
    calls[0].resolve(1);
    expect(await first).toBe(1);
    expect(await second).toBe(1);
  });

  it("answers a fresh value without computing, a stale one at once while one recount runs behind it", async () => {
    let clock = 0;
    const { load, calls } = controlledLoad();
    const cache = createRefreshingCache({ load, freshMs: 30, maxStaleMs: 600, now: () => clock });
    const first = cache.get();
    await settle();
    calls[0].resolve(1);
    await first;
    clock = 29;
    expect(await cache.get()).toBe(1);
    expect(calls).toHaveLength(1);
    // Age is counted from when the computation started (0), so at 30 it is stale.
    clock = 30;
    expect(await cache.get()).toBe(1);
    expect(await cache.get()).toBe(1);
    expect(calls).toHaveLength(2);
    calls[1].resolve(2);
    await settle();
    expect(await cache.get()).toBe(2);
    // The new value is fresh from the recount's start (30) for another 30.
    clock = 59;
    expect(await cache.get()).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it("makes the caller wait when the value is older than the most it may lag", async () => {
    let clock = 0;
    const { load, calls } = controlledLoad();
    const cache = createRefreshingCache({ load, freshMs: 30, maxStaleMs: 600, now: () => clock });
    const first = cache.get();
    await settle();
    calls[0].resolve(1);
    await first;
    clock = 600;
    const waiting = cache.get();
    let answered = false;
    waiting.then(() => {
      answered = true;
    });
    await settle();
    expect(answered).toBe(false);
    calls[1].resolve(5);
    expect(await waiting).toBe(5);
  });

  it("keeps the old value when a background recount fails, and retries on the next call", async () => {
    let clock = 0;
    const { load, calls } = controlledLoad();
    const onBackgroundError = vi.fn();
    const cache = createRefreshingCache({
      load,
      freshMs: 30,
      maxStaleMs: 600,
      now: () => clock,
      onBackgroundError,
    });
    const first = cache.get();
    await settle();
    calls[0].resolve(1);
    await first;
    clock = 100;
    expect(await cache.get()).toBe(1);
    calls[1].reject(new Error("scan failed"));
    await settle();
    expect(onBackgroundError).toHaveBeenCalledOnce();
    expect(await cache.get()).toBe(1);
    expect(calls).toHaveLength(3);
  });

  it("fails the waiting callers when the first computation fails, and tries again after", async () => {
    const { load, calls } = controlledLoad();
    const cache = createRefreshingCache({ load, freshMs: 30, maxStaleMs: 600, now: () => 0 });
    const first = cache.get();
    await settle();
    calls[0].reject(new Error("down"));
    await expect(first).rejects.toThrow("down");
    const second = cache.get();
    await settle();
    calls[1].resolve(3);
    expect(await second).toBe(3);
  });

  it("after clear, computes again and ignores a computation started before it", async () => {
    const { load, calls } = controlledLoad();
    const cache = createRefreshingCache({ load, freshMs: 30, maxStaleMs: 600, now: () => 0 });
    const before = cache.get();
    await settle();
    cache.clear();
    const after = cache.get();
    await settle();
    expect(calls).toHaveLength(2);
    calls[1].resolve(2);
    calls[0].resolve(1);
    expect(await before).toBe(1);
    expect(await after).toBe(2);
    expect(await cache.get()).toBe(2);
  });
});
