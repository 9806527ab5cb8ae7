import type { SegmentAnalytics } from "@/components/hooks/use-analytics";
import type { Segment } from "@/components/hooks/use-segments";
import { formatInteger, formatPercent } from "@/components/ui/format";

export function KeyFigures({ segment, analytics }: { segment: Segment; analytics: SegmentAnalytics }) {
  const summary = analytics.performance_summary;
  const figures = [
    { label: "Members", value: formatInteger(analytics.member_count) },
    { label: "Estimated size", value: formatInteger(segment.estimated_size) },
    { label: "Engagement rate", value: formatPercent(summary.avg_engagement_rate) },
    { label: "Conversions", value: formatInteger(summary.total_conversions) },
  ];
  return (
    <dl aria-label="Key figures" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {figures.map((figure) => (
        <div key={figure.label} className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">{figure.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
