"use client";

import { type FormEvent, useId, useState } from "react";
import { type PersonalizedContent, useSaveTrafficSplit } from "@/components/hooks/use-personalized-content";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatShare } from "@/components/ui/format";
import { ApiProblem } from "@/lib/client/api-client";
import { contentArmLabel } from "./experiment-labels";

const parseWeight = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/**
 * Each arm's relative weight and the share of new users it gets (weight / sum of weights), as the user types.
 * Users already assigned keep their arm: a new split only applies to users not exposed yet.
 */
export function TrafficSplitEditor({
  segmentId,
  items,
  bandit,
  onSaved,
}: {
  segmentId: string;
  items: PersonalizedContent[];
  bandit: boolean;
  onSaved: (message: string) => void;
}) {
  const save = useSaveTrafficSplit(segmentId);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const hintId = useId();
  const weightText = (item: PersonalizedContent) => draft[item.id] ?? String(item.traffic_weight);
  const weights = items.map((item) => parseWeight(weightText(item)));
  const invalid = weights.some((weight) => !Number.isFinite(weight) || weight < 0);
  const total = invalid ? 0 : weights.reduce((sum, weight) => sum + weight, 0);
  const changed = items.filter((item, index) => !invalid && weights[index] !== item.traffic_weight);
  const problem = save.error instanceof ApiProblem ? save.error : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      changed.map((item) => ({ id: item.id, traffic_weight: parseWeight(weightText(item)) })),
      {
        onSuccess: () => {
          setDraft({});
          onSaved(`Traffic split saved: ${describeSplit(items, weights, total)}.`);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="split-heading" className="space-y-3">
      <div>
        <h3 id="split-heading" className="font-semibold">
          Traffic split
        </h3>
        <p id={hintId} className="text-sm text-slate-600">
          Weights are relative: each arm gets its weight over the sum of all weights. Users already in the
          test keep their arm; new users follow the new split.
          {bandit ? " The bandit re-sets these weights at its next re-allocation." : ""}
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Traffic weight and share of each arm</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Arm
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Weight
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Share of new users
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item, index) => {
              const label = contentArmLabel(item);
              const weight = weights[index];
              const wrong = !Number.isFinite(weight) || weight < 0;
              return (
                <tr key={item.id}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="flex items-center gap-2">
                      <span className="font-medium text-slate-900">{label}</span>
                      {item.is_control ? <Badge tone="amber">Control</Badge> : null}
                    </span>
                    <span className="block text-xs text-slate-500">{item.content?.title}</span>
                  </th>
                  <td className="px-3 py-2">
                    <input
                      type="number"
                      min={0}
                      step="any"
                      inputMode="decimal"
                      aria-label={`Weight of ${label}`}
                      aria-describedby={hintId}
                      aria-invalid={wrong || undefined}
                      value={weightText(item)}
                      onChange={(event) =>
                        setDraft((current) => ({ ...current, [item.id]: event.target.value }))
                      }
                      className="w-28 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-500"
                    />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    <output aria-label={`Share of ${label}`}>
                      {invalid || total === 0 ? "–" : formatShare(weight / total, 1)}
                    </output>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {invalid ? (
        <p className="text-sm text-red-700">Each weight must be a number of 0 or more.</p>
      ) : total === 0 ? (
        <p className="text-sm text-red-700">At least one arm needs a weight above 0.</p>
      ) : null}
      {save.isError ? (
        <p role="alert" className="text-sm text-red-700">
          The split was not saved: {problem?.fieldMessage("traffic_weight") ?? save.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending || invalid || total === 0 || changed.length === 0}>
          {save.isPending ? "Saving…" : "Save split"}
        </Button>
        <Button
          variant="ghost"
          disabled={save.isPending || Object.keys(draft).length === 0}
          onClick={() => {
            setDraft({});
            save.reset();
          }}
        >
          Reset
        </Button>
      </div>
    </form>
  );
}

function describeSplit(items: PersonalizedContent[], weights: number[], total: number) {
  return items
    .map((item, index) => `${contentArmLabel(item)} ${formatShare(weights[index] / total, 1)}`)
    .join(", ");
}
