import type { ExperimentArm, ExperimentResult } from "@/components/hooks/use-experiment";
import { Badge } from "@/components/ui/badge";
import { formatInteger, formatPValue, formatShare } from "@/components/ui/format";
import { armLabel } from "./experiment-labels";

const interval = (ci: number[] | null, digits = 2) =>
  ci ? `${formatShare(ci[0], digits)} to ${formatShare(ci[1], digits)}` : "";

const signed = (value: number | null, digits = 2) =>
  value === null ? "–" : `${value > 0 ? "+" : ""}${(value * 100).toFixed(digits)}`;

export function ExperimentTable({ arms, result }: { arms: ExperimentArm[]; result: ExperimentResult }) {
  const perUser = result.unit === "users";
  const headers = [
    perUser ? "Users" : "Views",
    perUser ? (result.metric === "conversion" ? "Converted users" : "Engaged users") : "Successes",
    "Rate",
    "Uplift (points)",
    "Uplift (relative)",
    "p-value",
    "Chance to beat control",
  ];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Experiment result per variant</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Variant
            </th>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 text-right font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {arms.map((arm) => (
            <tr key={arm.personalized_content_id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="flex items-center gap-2">
                  <span className="font-medium text-slate-900">{armLabel(arm)}</span>
                  {arm.is_control ? (
                    <Badge tone="amber">Control</Badge>
                  ) : (
                    <Badge tone="indigo">Variant</Badge>
                  )}
                  {arm.significant ? <Badge tone="green">significant</Badge> : null}
                </span>
                <span className="block text-xs text-slate-500">{arm.title}</span>
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatInteger(arm.views)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatInteger(arm.successes)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatShare(arm.rate, 2)}
                <span className="block text-xs text-slate-500">{interval(arm.rate_ci)}</span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {arm.is_control ? "–" : signed(arm.uplift_absolute)}
                {!arm.is_control && arm.uplift_absolute_ci ? (
                  <span className="block text-xs text-slate-500">
                    {signed(arm.uplift_absolute_ci[0])} to {signed(arm.uplift_absolute_ci[1])}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {arm.is_control || arm.uplift_relative === null ? "–" : `${signed(arm.uplift_relative, 1)}%`}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {arm.is_control ? "–" : formatPValue(arm.p_value)}
                {!arm.is_control && arm.p_value_adjusted !== null && arm.p_value_adjusted !== arm.p_value ? (
                  <span className="block text-xs text-slate-500">
                    adjusted {formatPValue(arm.p_value_adjusted)}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {arm.is_control ? "–" : formatShare(arm.probability_to_beat_control, 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
