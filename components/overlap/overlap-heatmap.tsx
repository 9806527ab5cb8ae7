"use client";

import { useState } from "react";
import type { SegmentOverlap } from "@/components/hooks/use-overlap";
import { formatInteger } from "@/components/ui/format";

const jaccardText = (value: number) => value.toFixed(2);

/** Light for no overlap, deep indigo for the largest overlap shown (`scale`), so small indexes stay legible. */
function cellColor(jaccard: number, scale: number): { background: string; color: string } {
  const share = scale > 0 ? Math.min(1, Math.max(0, jaccard / scale)) : 0;
  const lightness = 97 - share * 62;
  return { background: `hsl(239 84% ${lightness}%)`, color: lightness < 60 ? "white" : "rgb(30 41 59)" };
}

type Pair = SegmentOverlap["pairs"][number];

export function pairKey(a: string, b: string) {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Pairwise overlap as a heat map: each cell counts the members two segments share and is shaded by their
 * Jaccard index (shared ÷ in either). Hovering or focusing a cell shows the details beside it.
 */
export function OverlapHeatmap({ overlap }: { overlap: SegmentOverlap }) {
  const [active, setActive] = useState<string>();
  const pairs = new Map<string, Pair>(
    overlap.pairs.map((pair) => [pairKey(pair.segment_a, pair.segment_b), pair]),
  );
  const { segments } = overlap;
  const scale = Math.max(0, ...overlap.pairs.map((pair) => pair.jaccard));

  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-1 text-sm">
        <caption className="mb-2 text-left text-sm text-slate-600">
          Members shared by each pair of segments; darker cells overlap more (Jaccard index). The diagonal
          shows each segment's own size.
        </caption>
        <thead>
          <tr>
            <td />
            {segments.map((segment) => (
              <th
                key={segment.id}
                scope="col"
                className="max-w-32 truncate px-2 py-1 text-xs font-medium text-slate-700"
                title={segment.segment_name}
              >
                {segment.segment_name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {segments.map((row) => (
            <tr key={row.id}>
              <th
                scope="row"
                className="max-w-48 truncate px-2 py-1 text-right text-xs font-medium text-slate-700"
                title={row.segment_name}
              >
                {row.segment_name}
              </th>
              {segments.map((column) => {
                if (row.id === column.id) {
                  return (
                    <td key={column.id} className="h-16 w-24 rounded bg-slate-100 text-center text-slate-600">
                      <span className="block font-medium">{formatInteger(row.member_count)}</span>
                      <span className="block text-xs">members</span>
                    </td>
                  );
                }
                const pair = pairs.get(pairKey(row.id, column.id));
                const cellId = `${row.id}-${column.id}`;
                const description = pair
                  ? `${row.segment_name} and ${column.segment_name}: ${formatInteger(pair.shared_members)} shared members, Jaccard ${jaccardText(pair.jaccard)}, ${formatInteger(pair.union)} in either`
                  : `${row.segment_name} and ${column.segment_name}: no data`;
                const colors = cellColor(pair?.jaccard ?? 0, scale);
                // The name starts with what the cell shows, so speech input can say what it sees (WCAG 2.5.3).
                const shown = pair
                  ? `${formatInteger(pair.shared_members)} J ${jaccardText(pair.jaccard)}: `
                  : "";
                return (
                  <td key={column.id} className="relative h-16 w-24 p-0">
                    <button
                      type="button"
                      aria-label={`${shown}${description}`}
                      onMouseEnter={() => setActive(cellId)}
                      onMouseLeave={() => setActive((current) => (current === cellId ? undefined : current))}
                      onFocus={() => setActive(cellId)}
                      onBlur={() => setActive((current) => (current === cellId ? undefined : current))}
                      onKeyDown={(event) => {
                        if (event.key === "Escape") setActive(undefined);
                      }}
                      className="size-full rounded text-center"
                      style={{ backgroundColor: colors.background, color: colors.color }}
                    >
                      <span className="block font-semibold tabular-nums">
                        {pair ? formatInteger(pair.shared_members) : "–"}
                      </span>{" "}
                      <span className="block text-xs tabular-nums">
                        {pair ? `J ${jaccardText(pair.jaccard)}` : ""}
                      </span>
                    </button>
                    {active === cellId ? (
                      <span
                        role="tooltip"
                        className="pointer-events-none absolute top-full left-1/2 z-10 mt-1 w-56 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-2 text-left text-xs text-white shadow-lg"
                      >
                        {description}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex items-center gap-2 text-xs text-slate-600" aria-hidden>
        <span>Jaccard 0</span>
        <span
          className="h-3 w-40 rounded"
          style={{
            background: `linear-gradient(to right, ${cellColor(0, 1).background}, ${cellColor(1, 1).background})`,
          }}
        />
        <span>{jaccardText(scale)}</span>
      </div>
    </div>
  );
}
