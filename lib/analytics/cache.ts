import { z } from "zod";
import { type ComputedAnalytics, computedAnalyticsSchema } from "./schemas";
import { ANALYTICS_CACHE_TTL_MS } from "./thresholds";

/**
 * What POST /analyze keeps in `audience_segments.performance_metrics`: the analysis and a fingerprint
 * of the data it was computed from (see `readAnalyticsFingerprint`).
 */
export const storedAnalyticsSchema = z.object({
  fingerprint: z.string(),
  analytics: computedAnalyticsSchema,
});
export type StoredAnalytics = z.infer<typeof storedAnalyticsSchema>;

export interface CacheDecision {
  /** The stored analysis, when it may be served. */
  hit: ComputedAnalytics | null;
  /** A stored analysis exists but no longer describes the data (or has expired). */
  stale: boolean;
}

export function decideCache(stored: unknown, fingerprint: string, days: number, now: Date): CacheDecision {
  const parsed = storedAnalyticsSchema.safeParse(stored);
  if (!parsed.success) return { hit: null, stale: false };
  const { analytics } = parsed.data;
  const age = now.getTime() - new Date(analytics.computed_at).getTime();
  const current = parsed.data.fingerprint === fingerprint && age >= 0 && age < ANALYTICS_CACHE_TTL_MS;
  return { hit: current && analytics.days === days ? analytics : null, stale: !current };
}
