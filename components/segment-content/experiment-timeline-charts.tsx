"use client";

import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ExperimentTimeline } from "@/components/hooks/use-experiment";
import { ChartFigure } from "@/components/ui/chart-figure";
import { compareText, formatDateTime, formatDay, formatInteger, formatShare } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";

/** Okabe–Ito, distinguishable for the common colour-vision deficiencies; the control is always grey. */
const armColors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"];
const controlColor = "#64748b";

export interface ChartArm {
  id: string;
  label: string;
  isControl: boolean;
}

const colorOf = (arms: ChartArm[]) => {
  const variants = arms.filter((arm) => !arm.isControl);
  return (arm: ChartArm) =>
    arm.isControl ? controlColor : armColors[variants.indexOf(arm) % armColors.length];
};

/**
 * The experiment's two charts, in a module of their own so that recharts loads only when the tab scrolls to
 * them (see ExperimentTimelineSection).
 */
export default function ExperimentTimelineCharts({
  timeline,
  arms,
}: {
  timeline: ExperimentTimeline;
  arms: ChartArm[];
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ExposuresChart exposures={timeline.exposures} arms={arms} />
      <AllocationChart allocations={timeline.allocations} arms={arms} />
    </div>
  );
}

function ExposuresChart({
  exposures,
  arms,
}: {
  exposures: ExperimentTimeline["exposures"];
  arms: ChartArm[];
}) {
  const byDate = new Map<string, Record<string, number | string>>();
  for (const point of exposures) {
    const row = byDate.get(point.date) ?? { date: point.date };
    row[point.personalized_content_id] = point.users;
    byDate.set(point.date, row);
  }
  const rows = [...byDate.values()].sort((a, b) => compareText(String(a.date), String(b.date)));
  const total = exposures.reduce((sum, point) => sum + point.users, 0);
  const color = colorOf(arms);
  return (
    <ChartFigure
      title="Exposures over time"
      summary={`${formatInteger(total)} users exposed, per arm and day (UTC).`}
      rows={rows}
      rowKey={(row) => String(row.date)}
      columns={[
        { header: "Date", cell: (row) => formatDay(String(row.date)) },
        ...arms.map((arm) => ({
          header: arm.label,
          cell: (row: Record<string, number | string>) => formatInteger(Number(row[arm.id] ?? 0)),
        })),
      ]}
    >
      {rows.length === 0 ? (
        <EmptyState title="No exposures yet">Users appear here once decide shows them an arm.</EmptyState>
      ) : (
        <LineChart
          data={rows}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: 240 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={formatDay} fontSize={12} minTickGap={24} />
          <YAxis fontSize={12} allowDecimals={false} />
          <Tooltip labelFormatter={(label) => formatDay(String(label))} />
          <Legend itemSorter={null} />
          {arms.map((arm) => (
            <Line
              key={arm.id}
              type="monotone"
              dataKey={(row: Record<string, number>) => row[arm.id] ?? 0}
              name={arm.label}
              stroke={color(arm)}
              dot={false}
            />
          ))}
        </LineChart>
      )}
    </ChartFigure>
  );
}

function AllocationChart({
  allocations,
  arms,
}: {
  allocations: ExperimentTimeline["allocations"];
  arms: ChartArm[];
}) {
  const rows = allocations.map((allocation) => ({
    at: allocation.at,
    reason: allocation.reason,
    ...Object.fromEntries(
      allocation.shares.map((share) => [share.personalized_content_id, share.share * 100]),
    ),
  })) as Array<Record<string, number | string>>;
  const color = colorOf(arms);
  const latest = allocations.at(-1);
  return (
    <ChartFigure
      title="Allocation history"
      summary={
        latest
          ? `${allocations.length} allocations; the latest (${latest.reason}, ${formatDateTime(latest.at)}): ${latest.shares
              .map(
                (share) =>
                  `${arms.find((arm) => arm.id === share.personalized_content_id)?.label ?? "removed arm"} ${formatShare(share.share, 0)}`,
              )
              .join(", ")}.`
          : "The split of new users over time."
      }
      rows={allocations}
      rowKey={(allocation) => String(allocation.id)}
      columns={[
        { header: "When", cell: (allocation) => formatDateTime(allocation.at) },
        { header: "Why", cell: (allocation) => allocation.reason },
        ...arms.map((arm) => ({
          header: arm.label,
          cell: (allocation: ExperimentTimeline["allocations"][number]) =>
            formatShare(
              allocation.shares.find((share) => share.personalized_content_id === arm.id)?.share ?? 0,
              1,
            ),
        })),
      ]}
    >
      {rows.length === 0 ? (
        <EmptyState title="No allocations yet">Each change of the split is drawn here.</EmptyState>
      ) : (
        <AreaChart
          data={rows}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: 240 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="at"
            tickFormatter={(value) => formatDay(String(value))}
            fontSize={12}
            minTickGap={24}
          />
          <YAxis fontSize={12} unit="%" domain={[0, 100]} />
          <Tooltip
            labelFormatter={(label) => formatDateTime(String(label))}
            formatter={(value) => `${Number(value).toFixed(1)}%`}
          />
          <Legend itemSorter={null} />
          {arms.map((arm) => (
            <Area
              key={arm.id}
              type="stepAfter"
              stackId="share"
              dataKey={(row: Record<string, number>) => row[arm.id] ?? 0}
              name={arm.label}
              stroke={color(arm)}
              fill={color(arm)}
              fillOpacity={0.5}
            />
          ))}
        </AreaChart>
      )}
    </ChartFigure>
  );
}
