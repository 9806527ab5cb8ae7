"use client";

import { useState } from "react";
import { useSegmentAnalytics } from "@/components/hooks/use-analytics";
import type { Segment } from "@/components/hooks/use-segments";
import { SelectField } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { AnalyzePanel } from "./analyze-panel";
import { ContentPerformanceChart } from "./content-performance-chart";
import { EngagementTrendChart } from "./engagement-trend-chart";
import { ForecastSection } from "./forecast-section";
import { KeyFigures } from "./key-figures";
import { MemberGrowthChart } from "./member-growth-chart";
import { RecommendationList } from "./recommendation-list";
import { RefreshJobProgress } from "./refresh-job-progress";

const periods = [
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
];

export function OverviewTab({ segment }: { segment: Segment }) {
  const [days, setDays] = useState(30);
  const analytics = useSegmentAnalytics(segment.id, days);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <SelectField
          label="Period"
          className="w-48"
          value={String(days)}
          onChange={(event) => setDays(Number(event.target.value))}
          options={periods}
        />
        <AnalyzePanel segment={segment} />
      </div>
      <RefreshJobProgress segmentId={segment.id} />
      {analytics.isPending ? (
        <LoadingState label="Loading analytics…" />
      ) : analytics.isError ? (
        <ErrorState error={analytics.error} onRetry={() => analytics.refetch()} />
      ) : (
        <div className="space-y-6" aria-busy={analytics.isFetching}>
          <KeyFigures segment={segment} analytics={analytics.data} />
          <div className="grid gap-6 lg:grid-cols-2">
            <EngagementTrendChart points={analytics.data.engagement_trends} days={days} />
            <MemberGrowthChart points={analytics.data.member_growth} days={days} />
          </div>
          <ContentPerformanceChart items={analytics.data.top_performing_content} />
          <RecommendationList recommendations={analytics.data.recommendations} />
          <ForecastSection segmentId={segment.id} />
        </div>
      )}
    </div>
  );
}
