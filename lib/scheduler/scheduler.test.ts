import { afterEach, describe, expect, it, vi } from "vitest";
import { transaction } from "@/db/client";
import { tryJobLock } from "./queries";
import { runJobOnce, startScheduler } from "./scheduler";

describe("scheduler", () => {
  afterEach(() => vi.useRealTimers());

  it("runs a pass inside a transaction that holds the job's lock", async () => {
    let sawLock: boolean | undefined;
    const outcome = await runJobOnce({
      name: "probe",
      intervalSeconds: 60,
      run: async (tx) => {
        // The same transaction takes the lock again (advisory locks are re-entrant for their holder).
        sawLock = await tryJobLock(tx, "probe");
      },
    });
    expect(outcome).toBe("ran");
    expect(sawLock).toBe(true);
  });

  it("releases the lock when the pass ends, also when it fails", async () => {
    await expect(
      runJobOnce({
        name: "failing",
        intervalSeconds: 60,
        run: async () => {
          throw new Error("boom");
        },
      }),
    ).rejects.toThrow("boom");
    const again = await transaction((tx) => tryJobLock(tx, "failing"));
    expect(again).toBe(true);
  });

  it("runs each job on its interval, one pass after the other, until stopped", async () => {
    vi.useFakeTimers();
    // The timing alone, with passes that take no real time: the lock and the transaction are tested above.
    let passes = 0;
    const handle = startScheduler([{ name: "tick", intervalSeconds: 5, run: async () => {} }], async () => {
      passes += 1;
      // A pass that lasts 3 s of the clock: the next is due 5 s after it ends, not after it starts.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(passes).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(7_800);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(passes).toBe(2);
    handle.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(passes).toBe(2);
  });
});
