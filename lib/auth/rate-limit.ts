import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "@/lib/api/errors";
import { readEnv } from "@/lib/env";

// Counters live in this process's memory: one server process is the deployment this project supports
// (README, "Production checklist"); several processes would each allow the limit.

/** Thrown as 429; withApi and the sign-in route add `Retry-After`. */
export class RateLimitedError extends ApiError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", detail);
  }
}

const limiters = new Map<string, RateLimiterMemory>();

function limiter(name: string, points: number, durationSeconds: number): RateLimiterMemory {
  const id = `${name}:${points}:${durationSeconds}`;
  let found = limiters.get(id);
  if (!found) {
    found = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
    limiters.set(id, found);
  }
  return found;
}

function secondsUntil(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** One request of an API key against API_RATE_LIMIT_PER_MINUTE. */
export async function consumeApiKeyRequest(keyId: string): Promise<void> {
  const perMinute = readEnv().API_RATE_LIMIT_PER_MINUTE;
  try {
    await limiter("api-key", perMinute, 60).consume(keyId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new RateLimitedError(
      `This API key made more than ${perMinute} requests in a minute; retry after ${secondsUntil(error)} s.`,
      secondsUntil(error),
    );
  }
}

const SIGN_IN_WINDOW_SECONDS = 15 * 60;

function signInLimiter() {
  return limiter("sign-in-failures", readEnv().SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_SECONDS);
}

/** Before a sign-in: refused while the account or the address has used up its failures. */
export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const limit = signInLimiter();
  const max = readEnv().SIGN_IN_MAX_FAILURES;
  for (const key of [`account:${email.toLowerCase()}`, `address:${address}`]) {
    const state = await limit.get(key);
    if (state && state.consumedPoints >= max) {
      throw new RateLimitedError(
        `Too many failed sign-ins; retry after ${secondsUntil(state)} s.`,
        secondsUntil(state),
      );
    }
  }
}

/** After a failed sign-in: one failure for the account and one for the address. */
export async function recordSignInFailure(email: string, address: string): Promise<void> {
  const limit = signInLimiter();
  for (const key of [`account:${email.toLowerCase()}`, `address:${address}`]) {
    await limit.penalty(key, 1);
  }
}

/** For tests: forget every counter. */
export function resetRateLimits(): void {
  limiters.clear();
}
