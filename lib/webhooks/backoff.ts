/** Seconds before the retry after the n-th failed attempt (1-based): about 5 s, 30 s, 2 min, 10 min, 30 min, then hourly. */
const scheduleSeconds = [5, 30, 120, 600, 1800, 3600];

/**
 * The delay before the next attempt, with ±20% jitter so that the retries of many deliveries that failed
 * together (a receiver that went down) do not all arrive at the same moment when it comes back.
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = scheduleSeconds[Math.min(Math.max(failedAttempts, 1), scheduleSeconds.length) - 1];
  return Math.round(base * 1000 * (0.8 + 0.4 * random()));
}
