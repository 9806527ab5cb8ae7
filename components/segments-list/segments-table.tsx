import type { SegmentListItem } from "@/components/hooks/use-segments";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatInteger } from "@/components/ui/format";
import { Link } from "@/components/ui/link";

const statusTone = { active: "green", paused: "amber", archived: "gray" } as const;
// A UTC day, like every date the server renders (components/segment-page/format.ts says why).

interface SegmentsTableProps {
  segments: SegmentListItem[];
  personaNames: Map<string, string>;
}

export function SegmentsTable({ segments, personaNames }: SegmentsTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Segments</caption>
        <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              Name
            </th>
            <th scope="col" className="px-4 py-3">
              Persona
            </th>
            <th scope="col" className="px-4 py-3">
              Strategy
            </th>
            <th scope="col" className="px-4 py-3">
              Status
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Members
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Estimated size
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Engagement rate
            </th>
            <th scope="col" className="px-4 py-3">
              Last analyzed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {segments.map((segment) => {
            const rate = segment.engagement_rate;
            return (
              <tr key={segment.id} className="hover:bg-slate-50">
                <th scope="row" className="px-4 py-3 font-medium">
                  <Link href={`/segments/${segment.id}`} className="text-indigo-700 hover:underline">
                    {segment.segment_name}
                  </Link>
                  {segment.membership_mode === "dynamic" ? (
                    <span className="ml-2">
                      <Badge tone="indigo">Dynamic</Badge>
                    </span>
                  ) : null}
                </th>
                <td className="px-4 py-3 text-slate-700">
                  {segment.persona_id ? (personaNames.get(segment.persona_id) ?? "…") : "—"}
                </td>
                <td className="px-4 py-3 text-slate-700 capitalize">{segment.strategy}</td>
                <td className="px-4 py-3">
                  <Badge tone={statusTone[segment.status]}>{segment.status}</Badge>
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{formatInteger(segment.member_count)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{formatInteger(segment.estimated_size)}</td>
                <td className="px-4 py-3 text-right tabular-nums">
                  {rate === null ? "—" : `${rate.toFixed(1)}%`}
                </td>
                <td className="px-4 py-3 text-slate-700">
                  {segment.last_analyzed_at ? formatDate(segment.last_analyzed_at) : "Never"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
