"use client";

import type { ContentPerformance } from "@/components/hooks/use-analytics";
import { ChartFigure } from "@/components/ui/chart-figure";
import { formatInteger, formatPercent } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import { SvgChart } from "@/components/ui/svg-chart";
import { seriesColors } from "./chart-colors";

const itemLabel = (item: ContentPerformance) =>
  item.variant_id ? `${item.title} (${item.variant_id})` : item.title;

export function ContentPerformanceChart({ items }: { items: ContentPerformance[] }) {
  const best = items.reduce<ContentPerformance | undefined>(
    (top, item) => (!top || item.engagement_rate > top.engagement_rate ? item : top),
    undefined,
  );
  const summary = best
    ? `${items.length} content item${items.length === 1 ? "" : "s"}; the highest engagement rate is ${formatPercent(best.engagement_rate)} for ${itemLabel(best)}.`
    : undefined;
  return (
    <ChartFigure
      title="Content performance"
      summary={summary}
      rows={items}
      rowKey={(item) => item.personalized_content_id}
      columns={[
        { header: "Content", cell: itemLabel },
        { header: "Views", cell: (item) => formatInteger(item.views) },
        { header: "Engagement", cell: (item) => formatInteger(item.engagement) },
        { header: "Conversions", cell: (item) => formatInteger(item.conversions) },
        { header: "Engagement rate", cell: (item) => formatPercent(item.engagement_rate) },
      ]}
    >
      {items.length === 0 ? (
        <EmptyState title="No personalized content yet">
          Add content or A/B variants on the "Content & A/B" tab.
        </EmptyState>
      ) : (
        <SvgChart
          points={items}
          category={itemLabel}
          height={280}
          maxLabels={items.length}
          series={[
            { label: "Views", kind: "bar", color: seriesColors.views, value: (item) => item.views },
            {
              label: "Engagement",
              kind: "bar",
              color: seriesColors.engagement,
              value: (item) => item.engagement,
            },
            {
              label: "Conversions",
              kind: "bar",
              color: seriesColors.conversions,
              value: (item) => item.conversions,
            },
          ]}
        />
      )}
    </ChartFigure>
  );
}
