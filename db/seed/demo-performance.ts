import { contentIds } from "./demo-catalog";
import { segmentIds } from "./demo-segments";
import { apportion, type SeededRandom } from "./random";

const DAY_MS = 86_400_000;
/** Six weeks of daily performance, ending today (UTC). */
export const PERFORMANCE_DAYS = 42;

interface Placement {
  segment_id: string;
  content_id: string;
  variant_id: string | null;
  is_control: boolean;
  views: number;
  engagement: number;
  conversions: number;
}

/**
 * The A/B test on "Tech Early Adopters": variant_a converts and engages clearly better than the control
 * (12% vs 10% conversion, 29% vs 25% engagement on ~16,000 views each: z > 5), variant_b about the same as
 * the control. ~16,000 views per group is past the sample size a two-proportion test needs to detect a 10%
 * relative change of a 10% rate (~14,700), so the experiment read-out can make a call at its default
 * minimum detectable effect. Views are split evenly, so the sample-ratio check passes.
 */
const placements: Placement[] = [
  {
    segment_id: segmentIds.techEarlyAdopters,
    content_id: contentIds.aiTrends,
    variant_id: "control",
    is_control: true,
    views: 16_020,
    engagement: 4_005,
    conversions: 1_602,
  },
  {
    segment_id: segmentIds.techEarlyAdopters,
    content_id: contentIds.gadgetsVideo,
    variant_id: "variant_a",
    is_control: false,
    views: 15_980,
    engagement: 4_634,
    conversions: 1_918,
  },
  {
    segment_id: segmentIds.techEarlyAdopters,
    content_id: contentIds.aiBriefingEmail,
    variant_id: "variant_b",
    is_control: false,
    views: 16_005,
    engagement: 4_049,
    conversions: 1_617,
  },
  {
    segment_id: segmentIds.frequentVisualShoppers,
    content_id: contentIds.flashSale,
    variant_id: null,
    is_control: false,
    views: 4_310,
    engagement: 862,
    conversions: 301,
  },
  {
    segment_id: segmentIds.powerUsers,
    content_id: contentIds.cloudChecklist,
    variant_id: null,
    is_control: false,
    views: 2_150,
    engagement: 538,
    conversions: 97,
  },
  {
    segment_id: segmentIds.wellnessMillennials,
    content_id: contentIds.mobilityVideo,
    variant_id: null,
    is_control: false,
    views: 7_840,
    engagement: 1_490,
    conversions: 188,
  },
  {
    segment_id: segmentIds.wellnessMillennials,
    content_id: contentIds.mealPrep,
    variant_id: null,
    is_control: false,
    views: 3_260,
    engagement: 294,
    conversions: 49,
  },
  {
    segment_id: segmentIds.europeanBudgetTravelers,
    content_id: contentIds.europeOnBudget,
    variant_id: null,
    is_control: false,
    views: 2_870,
    engagement: 112,
    conversions: 14,
  },
  {
    segment_id: segmentIds.europeanBudgetTravelers,
    content_id: contentIds.portugalBeaches,
    variant_id: null,
    is_control: false,
    views: 1_940,
    engagement: 131,
    conversions: 9,
  },
];

export interface DemoPersonalizedContent extends Omit<Placement, "views" | "engagement" | "conversions"> {
  id: string;
  performance: Record<string, unknown>;
  view_count: number;
  engagement_count: number;
  conversion_count: number;
  engagement_rate: number;
  published_at: string;
  created_at: string;
  updated_at: string;
}

export interface DemoDailyPerformance {
  personalized_content_id: string;
  day: string;
  views: number;
  engagements: number;
  conversions: number;
}

export interface DemoPerformanceSnapshot {
  personalized_content_id: string;
  view_count: number;
  engagement_count: number;
  conversion_count: number;
  engagement_rate: number;
  recorded_at: string;
}

/** Engagement rate in percent, as stored on personalized content. */
export function engagementRate(views: number, engagement: number): number {
  return views > 0 ? (engagement / views) * 100 : 0;
}

/**
 * Personalized content with daily rows that add up exactly to its totals, and an end-of-day snapshot
 * of the running totals (the last one equal to the totals).
 */
export function generatePerformance(rng: SeededRandom, now: Date) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = today - (PERFORMANCE_DAYS - 1) * DAY_MS;
  const publishedAt = new Date(firstDay + 9 * 3_600_000).toISOString();
  const items: DemoPersonalizedContent[] = [];
  const daily: DemoDailyPerformance[] = [];
  const history: DemoPerformanceSnapshot[] = [];

  for (const placement of placements) {
    const id = rng.uuid();
    const { views, engagement, conversions, ...rest } = placement;
    const rate = engagementRate(views, engagement);
    items.push({
      ...rest,
      id,
      // The same totals the performance endpoints write, so the documented response schema holds.
      performance: { views, engagement, conversions, engagement_rate: rate, updated_at: now.toISOString() },
      view_count: views,
      engagement_count: engagement,
      conversion_count: conversions,
      engagement_rate: rate,
      published_at: publishedAt,
      created_at: publishedAt,
      updated_at: now.toISOString(),
    });
    // Traffic grows as the campaign ramps up, dips at weekends and varies a little from day to day.
    const viewWeights = Array.from({ length: PERFORMANCE_DAYS }, (_, d) => {
      const weekday = new Date(firstDay + d * DAY_MS).getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? 0.75 : 1;
      return (0.7 + (0.6 * d) / PERFORMANCE_DAYS) * weekend * rng.between(0.85, 1.15);
    });
    const dayViews = apportion(views, viewWeights);
    const dayEngagement = apportion(
      engagement,
      dayViews.map((v) => v * rng.between(0.92, 1.08)),
    );
    const dayConversions = apportion(
      conversions,
      dayViews.map((v) => v * rng.between(0.9, 1.1)),
    );
    const running = { views: 0, engagement: 0, conversions: 0 };
    for (let d = 0; d < PERFORMANCE_DAYS; d++) {
      const dayStart = firstDay + d * DAY_MS;
      daily.push({
        personalized_content_id: id,
        day: new Date(dayStart).toISOString().slice(0, 10),
        views: dayViews[d],
        engagements: dayEngagement[d],
        conversions: dayConversions[d],
      });
      running.views += dayViews[d];
      running.engagement += dayEngagement[d];
      running.conversions += dayConversions[d];
      const endOfDay = Math.min(dayStart + DAY_MS - 60_000, now.getTime());
      history.push({
        personalized_content_id: id,
        view_count: running.views,
        engagement_count: running.engagement,
        conversion_count: running.conversions,
        engagement_rate: engagementRate(running.views, running.engagement),
        recorded_at: new Date(endOfDay).toISOString(),
      });
    }
  }
  return { items, daily, history };
}
