// What the server is doing right now, so that a shutdown can wait for it: API requests in flight and
// background jobs between their batches. Kept on globalThis: route bundles and instrumentation share it.

interface LifecycleState {
  shuttingDown: boolean;
  inFlight: number;
  idleWaiters: Set<() => void>;
}

const globalForLifecycle = globalThis as unknown as { audienceSegmentsLifecycle?: LifecycleState };

function state(): LifecycleState {
  globalForLifecycle.audienceSegmentsLifecycle ??= {
    shuttingDown: false,
    inFlight: 0,
    idleWaiters: new Set(),
  };
  return globalForLifecycle.audienceSegmentsLifecycle;
}

export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

export function beginShutdown(): void {
  state().shuttingDown = true;
}

/** Counts a request as in flight until `work` settles. */
export async function trackRequest<T>(work: () => Promise<T>): Promise<T> {
  const s = state();
  s.inFlight += 1;
  try {
    return await work();
  } finally {
    s.inFlight -= 1;
    if (s.inFlight === 0) for (const wake of s.idleWaiters) wake();
  }
}

export function requestsInFlight(): number {
  return state().inFlight;
}

/** Resolves true when no request is in flight, or false when `timeoutMs` passes first. */
export function waitForIdle(timeoutMs: number): Promise<boolean> {
  const s = state();
  if (s.inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      s.idleWaiters.delete(wake);
      resolve(true);
    };
    const timer = setTimeout(() => {
      s.idleWaiters.delete(wake);
      resolve(false);
    }, timeoutMs);
    s.idleWaiters.add(wake);
  });
}
