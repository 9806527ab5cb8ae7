import "server-only";
import { notFound } from "@/lib/api/errors";
import { estimateCriteriaSize } from "@/lib/criteria/service";
import { findSegment } from "@/lib/segments/queries";
import { decideCache } from "./cache";
import { percentOf } from "./percent";
import * as queries from "./queries";
import { buildRecommendations } from "./recommendations";
import type { ComputedAnalytics, SegmentAnalytics } from "./schemas";
import { ANALYTICS_THRESHOLDS } from "./thresholds";

// The fingerprint must be read before the figures: a change in between then makes the stored digest
// older than the data, so the next read recomputes instead of serving a result that misses the change.
async function readFingerprint(segmentId: string): Promise<string> {
  const fingerprint = await queries.readAnalyticsFingerprint(segmentId);
  if (fingerprint === undefined) throw notFound("Segment", segmentId);
  return fingerprint;
}

async function computeAnalytics(segmentId: string, days: number): Promise<ComputedAnalytics> {
  // Independent reads: on PostgreSQL they run on separate connections at once.
  const [growth, totals, top, trends] = await Promise.all([
    queries.readMemberGrowth(segmentId, days),
    queries.readSegmentTotals(segmentId),
    queries.readTopContent(
      segmentId,
      ANALYTICS_THRESHOLDS.topContentMinViews,
      ANALYTICS_THRESHOLDS.topContentLimit,
    ),
    queries.readEngagementTrends(segmentId, days),
  ]);
  const { member_count: memberCount, ...contentTotals } = totals;
  const performanceSummary = {
    ...contentTotals,
    avg_engagement_rate: percentOf(totals.total_engagement, totals.total_views),
    conversion_rate: percentOf(totals.total_conversions, totals.total_views),
  };
  const analytics: ComputedAnalytics = {
    segment_id: segmentId,
    days,
    member_count: memberCount,
    member_growth: growth.map((point) => ({ ...point, net: point.joins - point.leaves })),
    performance_summary: performanceSummary,
    top_performing_content: top.map((item) => ({
      ...item,
      engagement_rate: percentOf(item.engagement, item.views),
    })),
    engagement_trends: trends.map((point) => ({
      ...point,
      engagement_rate: percentOf(point.engagement, point.views),
    })),
    recommendations: buildRecommendations({
      member_count: memberCount,
      content_count: totals.content_count,
      total_views: totals.total_views,
      avg_engagement_rate: performanceSummary.avg_engagement_rate,
    }),
    computed_at: new Date().toISOString(),
  };
  return analytics;
}

/**
 * The segment's analytics: the stored analysis when it is younger than the cache window and the data
 * behind it has not changed since, otherwise computed now (and not stored: POST /analyze stores).
 */
export async function getSegmentAnalytics(segmentId: string, days: number): Promise<SegmentAnalytics> {
  const segment = await findSegment(segmentId);
  if (!segment) throw notFound("Segment", segmentId);
  const fingerprint = await readFingerprint(segmentId);
  const decision = decideCache(segment.performance_metrics, fingerprint, days, new Date());
  if (decision.hit) return { ...decision.hit, cached: true, stale: false };
  const analytics = await computeAnalytics(segmentId, days);
  return { ...analytics, cached: false, stale: decision.stale };
}

/**
 * Computes the analytics and stores them on the segment (`performance_metrics`, `last_analyzed_at`),
 * refreshing `estimated_size` from the criteria at the same time.
 */
export async function analyzeSegment(segmentId: string, days: number): Promise<SegmentAnalytics> {
  const segment = await findSegment(segmentId);
  if (!segment) throw notFound("Segment", segmentId);
  const estimatedSize = await estimateCriteriaSize(segment.criteria);
  const fingerprint = await readFingerprint(segmentId);
  const analytics = await computeAnalytics(segmentId, days);
  const stored = await queries.storeAnalytics(segmentId, {
    stored: { fingerprint, analytics },
    analyzedAt: new Date(analytics.computed_at),
    estimatedSize,
  });
  if (!stored) throw notFound("Segment", segmentId);
  return { ...analytics, cached: false, stale: false };
}
