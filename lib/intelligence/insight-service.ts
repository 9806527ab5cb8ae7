import "server-only";
import { criteriaConditions } from "./criteria-conditions";
import type { Insights, InsightsQuery } from "./insight-schemas";
import { byLowerBound, liftOf, rankSegments } from "./insights";
import {
  readCompetingPairs,
  readCompetingUsers,
  readProfileValueEngagement,
  readSegmentPerformance,
  readSegmentSummaries,
} from "./queries";

/** Fewer users than this with a profile value say too little to list it. */
const MIN_USERS_PER_VALUE = 5;

/** Cross-segment insights: segments ranked with shrinkage, what goes with engagement, competing content. */
export async function readInsights(query: InsightsQuery): Promise<Insights> {
  // Independent reads: on PostgreSQL they run on separate connections at once.
  const [segments, performance, profileValues, competing, pairs] = await Promise.all([
    readSegmentSummaries(),
    readSegmentPerformance(),
    readProfileValueEngagement(),
    readCompetingUsers(),
    readCompetingPairs(query.limit),
  ]);
  const engagement = rankSegments(performance.map((row) => ({ ...row, successes: row.engagements })));
  const conversion = rankSegments(performance.map((row) => ({ ...row, successes: row.conversions })));

  // Criteria conditions: the pooled engagement of the segments that require a condition against the rest.
  const performanceById = new Map(performance.map((row) => [row.segment_id, row]));
  const totalViews = performance.reduce((sum, row) => sum + row.views, 0);
  const totalEngagements = performance.reduce((sum, row) => sum + row.engagements, 0);
  const byCondition = new Map<
    string,
    { label: string; segments: number; views: number; engagements: number }
  >();
  for (const segment of segments) {
    const figures = performanceById.get(segment.id);
    if (!figures || figures.views <= 0) continue;
    for (const condition of criteriaConditions(segment.criteria)) {
      const entry = byCondition.get(condition.key) ?? {
        label: condition.label,
        segments: 0,
        views: 0,
        engagements: 0,
      };
      entry.segments += 1;
      entry.views += figures.views;
      entry.engagements += figures.engagements;
      byCondition.set(condition.key, entry);
    }
  }
  const conditions = [...byCondition.entries()]
    .filter(([, entry]) => totalViews - entry.views > 0)
    .map(([key, entry]) => ({
      condition: key,
      ...entry,
      ...liftOf(
        entry.engagements,
        entry.views,
        totalEngagements - entry.engagements,
        totalViews - entry.views,
      ),
    }))
    .sort((a, b) => byLowerBound(a, b) || a.condition.localeCompare(b.condition))
    .slice(0, query.limit);

  const everyone = profileValues.find((row) => row.field === "*") ?? { users: 0, engaged: 0 };
  const values = profileValues
    .filter((row) => row.field !== "*" && row.users >= MIN_USERS_PER_VALUE && everyone.users - row.users > 0)
    .map((row) => ({
      field: row.field,
      value: row.value,
      users: row.users,
      engaged_users: row.engaged,
      ...liftOf(row.engaged, row.users, everyone.engaged - row.engaged, everyone.users - row.users),
    }))
    .sort((a, b) => byLowerBound(a, b) || a.field.localeCompare(b.field) || a.value.localeCompare(b.value))
    .slice(0, query.limit);

  return {
    priors: { engagement: engagement.prior, conversion: conversion.prior },
    segments_by_engagement: engagement.ranked.slice(0, query.limit),
    segments_by_conversion: conversion.ranked.slice(0, query.limit),
    conditions,
    profile_values: values,
    competing_content: {
      running_segments: competing.running_segments,
      users: competing.competing_users,
      pairs,
    },
  };
}
