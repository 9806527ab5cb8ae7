import type { SegmentOverlap } from "@/components/hooks/use-overlap";
import { formatInteger } from "@/components/ui/format";

/** The same numbers as the heat map, one row per pair, most similar first. */
export function OverlapPairsTable({ overlap }: { overlap: SegmentOverlap }) {
  const names = new Map(overlap.segments.map((segment) => [segment.id, segment.segment_name]));
  const pairs = [...overlap.pairs].sort(
    (a, b) => b.jaccard - a.jaccard || b.shared_members - a.shared_members,
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-3 text-left font-medium text-slate-800">Pairs by overlap</caption>
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              Segment
            </th>
            <th scope="col" className="px-4 py-2">
              Other segment
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Shared members
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Jaccard
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              In either
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {pairs.map((pair) => (
            <tr key={`${pair.segment_a}|${pair.segment_b}`}>
              <td className="px-4 py-2">{names.get(pair.segment_a) ?? pair.segment_a}</td>
              <td className="px-4 py-2">{names.get(pair.segment_b) ?? pair.segment_b}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatInteger(pair.shared_members)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{pair.jaccard.toFixed(3)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatInteger(pair.union)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
