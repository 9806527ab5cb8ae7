/**
 * Every threshold behind the analytics and its recommendations, in one place. Rates are percentages
 * (100 × engagement / views). The engagement bands are the spec's: under 5% the audience is wrong
 * (refine the criteria), 5–15% the content is worth testing, 15% and over it is worth scaling.
 */
export const ANALYTICS_THRESHOLDS = {
  /** Below this engagement rate (%) the advice is to refine the segment's criteria. */
  lowEngagementRate: 5,
  /** At or above this engagement rate (%) the advice is to scale up content; in between, to A/B test. */
  highEngagementRate: 15,
  /** A segment with fewer members is advised to broaden its criteria. */
  minMembers: 100,
  /** Engagement advice waits for this many views across the segment's content; until then, collect data. */
  minViewsForEngagementAdvice: 100,
  /** Content with fewer views ranks below every item that has them, so one lucky view cannot top the list. */
  topContentMinViews: 50,
  /** How many items `top_performing_content` lists. */
  topContentLimit: 10,
} as const;

/** A stored analysis is served for this long, as long as none of the data behind it has changed. */
export const ANALYTICS_CACHE_TTL_MS = 15 * 60 * 1000;

/** The default and largest window of the daily series (member growth, engagement trends), in days. */
export const ANALYTICS_DEFAULT_DAYS = 30;
export const ANALYTICS_MAX_DAYS = 365;
