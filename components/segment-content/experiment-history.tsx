import type { ExperimentTimeline } from "@/components/hooks/use-experiment";
import { Badge } from "@/components/ui/badge";
import { compareText, formatDateTime } from "@/components/ui/format";

type HistoryEntry = ExperimentTimeline["history"][number];

const kindLabel: Record<HistoryEntry["kind"], string> = {
  settings: "Settings",
  weight: "Weight",
  promote: "Promotion",
  reallocate: "Re-allocation",
};

/** A value as a person reads it: an arm's name for an arm id, a short number, "none" for null. */
function valueText(value: unknown, armLabels: Map<string, string>) {
  if (value === null || value === undefined) return "none";
  if (typeof value === "number") return String(Number(value.toFixed(3)));
  if (typeof value === "string") return armLabels.get(value) ?? value;
  return JSON.stringify(value);
}

/** Every change of the experiment, newest first: what changed, from what to what, and why. */
export function ExperimentHistory({
  history,
  armLabels,
}: {
  history: HistoryEntry[];
  armLabels: Map<string, string>;
}) {
  const entries = [...history].sort((a, b) => compareText(b.at, a.at) || b.id - a.id);
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h3 id="history-heading" className="font-semibold">
        Experiment history
      </h3>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No changes yet: the experiment runs with its defaults.</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2">
              <time dateTime={entry.at} className="text-slate-600 tabular-nums">
                {formatDateTime(entry.at)}
              </time>
              <Badge tone={entry.kind === "promote" ? "green" : "gray"}>{kindLabel[entry.kind]}</Badge>
              <span className="text-slate-900">
                {Object.entries(entry.changes)
                  .map(
                    ([field, change]) =>
                      `${fieldName(field, armLabels)}: ${valueText(change.from, armLabels)} → ${valueText(change.to, armLabels)}`,
                  )
                  .join("; ") || "no field changed"}
              </span>
              {entry.reason ? <span className="text-slate-600">({entry.reason})</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Weight changes are keyed by arm id; show the arm's name instead. */
const fieldName = (field: string, armLabels: Map<string, string>) =>
  armLabels.get(field) ?? field.replaceAll("_", " ");
