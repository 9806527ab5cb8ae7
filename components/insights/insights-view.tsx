"use client";

import type { ReactNode } from "react";
import { type Insights, type SegmentRank, useInsights } from "@/components/hooks/use-intelligence";
import { formatInteger, formatShare } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

const ratio = (value: number | null) => (value === null ? "–" : `×${value.toFixed(2)}`);

function Table({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-3 text-left font-medium text-slate-800">{caption}</caption>
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            {headers.map((header, i) => (
              <th key={header} scope="col" className={`px-4 py-2 ${i === 0 ? "" : "text-right"}`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

const cell = "px-4 py-2 text-right tabular-nums";

function SegmentRanking({ caption, rows, noun }: { caption: string; rows: SegmentRank[]; noun: string }) {
  if (rows.length === 0) return <EmptyState title={`${caption}: no views yet`} />;
  return (
    <Table caption={caption} headers={["Segment", "Estimate", "95% interval", `Observed ${noun}`, "Views"]}>
      {rows.map((row) => (
        <tr key={row.segment_id}>
          <th scope="row" className="px-4 py-2 font-normal">
            {row.segment_name}
          </th>
          <td className={cell}>{formatShare(row.estimate)}</td>
          <td className={cell}>
            {formatShare(row.lower_95)}–{formatShare(row.upper_95)}
          </td>
          <td className={cell}>{formatShare(row.observed_rate)}</td>
          <td className={cell}>{formatInteger(row.views)}</td>
        </tr>
      ))}
    </Table>
  );
}

function LiftTables({ insights }: { insights: Insights }) {
  return (
    <>
      {insights.conditions.length === 0 ? (
        <EmptyState title="No criteria conditions to compare yet" />
      ) : (
        <Table
          caption="Criteria conditions and engagement"
          headers={["Condition", "Lift", "95% interval", "Engagement with", "Without", "Segments"]}
        >
          {insights.conditions.map((row) => (
            <tr key={row.condition}>
              <th scope="row" className="px-4 py-2 font-normal">
                {row.label}
              </th>
              <td className={cell}>{ratio(row.lift)}</td>
              <td className={cell}>
                {ratio(row.lift_lower_95)}–{ratio(row.lift_upper_95)}
              </td>
              <td className={cell}>{formatShare(row.rate)}</td>
              <td className={cell}>{formatShare(row.rate_without)}</td>
              <td className={cell}>{formatInteger(row.segments)}</td>
            </tr>
          ))}
        </Table>
      )}
      {insights.profile_values.length === 0 ? (
        <EmptyState title="No profile values to compare yet">
          Profile values appear once users see personalized content (content events).
        </EmptyState>
      ) : (
        <Table
          caption="Profile values and engagement"
          headers={["Profile value", "Lift", "95% interval", "Engaged", "Others", "Users"]}
        >
          {insights.profile_values.map((row) => (
            <tr key={`${row.field}=${row.value}`}>
              <th scope="row" className="px-4 py-2 font-normal">
                {row.field.replaceAll("_", " ")}: {row.value}
              </th>
              <td className={cell}>{ratio(row.lift)}</td>
              <td className={cell}>
                {ratio(row.lift_lower_95)}–{ratio(row.lift_upper_95)}
              </td>
              <td className={cell}>{formatShare(row.rate)}</td>
              <td className={cell}>{formatShare(row.rate_without)}</td>
              <td className={cell}>{formatInteger(row.users)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function CompetingContent({ competing }: { competing: Insights["competing_content"] }) {
  return (
    <section aria-labelledby="competing-heading" className="space-y-3">
      <h2 id="competing-heading" className="text-lg font-semibold">
        Competing content
      </h2>
      <p className="text-sm text-slate-700">
        {formatInteger(competing.users)} members belong to two or more of the{" "}
        {formatInteger(competing.running_segments)} segments that deliver personalized content, so they are
        offered competing content.
      </p>
      {competing.pairs.length === 0 ? null : (
        <Table caption="Segment pairs that cause it" headers={["Segment", "Other segment", "Shared members"]}>
          {competing.pairs.map((pair) => (
            <tr key={`${pair.segment_a}|${pair.segment_b}`}>
              <th scope="row" className="px-4 py-2 font-normal">
                {pair.segment_a_name}
              </th>
              <td className="px-4 py-2 text-right">{pair.segment_b_name}</td>
              <td className={cell}>{formatInteger(pair.shared_members)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

/** Cross-segment insights: rankings with intervals, what goes with engagement, competing content. */
export function InsightsView() {
  const insights = useInsights();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Insights</h1>
        <p className="text-sm text-slate-600">
          What works across your segments. Rates are held back toward the average of all segments when they
          rest on few views, so a lucky handful cannot top a list; every figure comes with its 95% interval.
        </p>
      </div>
      {insights.isPending ? (
        <LoadingState label="Loading insights…" />
      ) : insights.isError ? (
        <ErrorState error={insights.error} onRetry={() => insights.refetch()} />
      ) : (
        <>
          <section aria-labelledby="ranking-heading" className="space-y-4">
            <h2 id="ranking-heading" className="text-lg font-semibold">
              Segments ranked
            </h2>
            <div className="grid gap-6 xl:grid-cols-2">
              <SegmentRanking
                caption="By engagement"
                rows={insights.data.segments_by_engagement}
                noun="rate"
              />
              <SegmentRanking
                caption="By conversion"
                rows={insights.data.segments_by_conversion}
                noun="rate"
              />
            </div>
          </section>
          <section aria-labelledby="lift-heading" className="space-y-4">
            <h2 id="lift-heading" className="text-lg font-semibold">
              What goes with higher engagement
            </h2>
            <LiftTables insights={insights.data} />
          </section>
          <CompetingContent competing={insights.data.competing_content} />
        </>
      )}
    </div>
  );
}
