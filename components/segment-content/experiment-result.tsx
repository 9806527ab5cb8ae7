"use client";

import { useState } from "react";
import {
  type ExperimentMetric,
  type ExperimentResult,
  useExperiment,
} from "@/components/hooks/use-experiment";
import { Badge } from "@/components/ui/badge";
import { SelectField } from "@/components/ui/field";
import { formatInteger, formatShare } from "@/components/ui/format";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ExperimentChart } from "./experiment-chart";
import { pValueText, statusLabel } from "./experiment-labels";
import { ExperimentTable } from "./experiment-table";

export function ExperimentSection({ segmentId }: { segmentId: string }) {
  // Until a metric is chosen, the API answers for the experiment's primary metric.
  const [metric, setMetric] = useState<ExperimentMetric>();
  const experiment = useExperiment(segmentId, metric);
  return (
    <section aria-labelledby="experiment-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="experiment-heading" className="text-lg font-semibold">
          Experiment result
        </h2>
        <SelectField
          label="Metric"
          className="w-48"
          value={metric ?? experiment.data?.metric ?? "conversion"}
          onChange={(event) => setMetric(event.target.value as ExperimentMetric)}
          options={[
            { value: "conversion", label: "Conversion" },
            { value: "engagement", label: "Engagement" },
          ]}
        />
      </div>
      {experiment.isPending ? (
        <LoadingState label="Loading the experiment…" />
      ) : experiment.isError ? (
        <ErrorState error={experiment.error} onRetry={() => experiment.refetch()} />
      ) : (
        <ExperimentDetails result={experiment.data} busy={experiment.isFetching} />
      )}
    </section>
  );
}

function ExperimentDetails({ result, busy }: { result: ExperimentResult; busy: boolean }) {
  const status = statusLabel[result.status] ?? { text: result.status, tone: "gray" as const };
  const arms = [
    ...(result.control ? [result.control] : []),
    ...result.variants.filter((arm) => !arm.is_control),
  ];
  const ratio = result.sample_ratio;
  const unitWord = result.unit === "users" ? "users" : "views";
  return (
    <div className="space-y-4" aria-busy={busy}>
      <div role="status" className="rounded-lg border border-indigo-200 bg-indigo-50 p-4">
        <div className="mb-1 flex items-center gap-2">
          <span className="text-sm font-medium text-indigo-900">Verdict</span>
          <Badge tone={status.tone}>{status.text}</Badge>
        </div>
        <p className="text-lg font-semibold text-slate-900">{result.verdict}</p>
        {result.warnings.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-sm text-amber-800">
            {result.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <p className="text-sm text-slate-700">
        {result.unit === "users"
          ? "Counted per user: users exposed to each arm, and those who converted (or engaged) after their exposure."
          : "Counted per view: no user has been exposed through decide yet, so these are the content's view counters."}
      </p>
      {arms.length > 0 ? (
        <>
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-slate-600">Sample ratio check</dt>
              <dd className={ratio?.mismatch ? "font-medium text-red-700" : "font-medium text-slate-900"}>
                {ratio === null
                  ? "Not enough arms to check"
                  : ratio.mismatch
                    ? `Mismatch: traffic is not split as planned (${pValueText(ratio.p_value)}); results may be unreliable`
                    : `Traffic split as planned (${pValueText(ratio.p_value)})`}
              </dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-slate-600">More {unitWord} needed</dt>
              <dd className="font-medium text-slate-900">
                {result.views_needed === null
                  ? "–"
                  : result.views_needed === 0
                    ? "None: enough data to decide"
                    : formatInteger(result.views_needed)}
              </dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-slate-600">Sample size per variant</dt>
              <dd className="font-medium text-slate-900">
                {formatInteger(result.required_sample_size_per_variant)}
                {result.minimum_detectable_effect !== null
                  ? ` (to detect a ${formatShare(result.minimum_detectable_effect, 0)} change)`
                  : ""}
              </dd>
            </div>
          </dl>
          <ExperimentTable arms={arms} result={result} />
          <ExperimentChart arms={arms} metric={result.metric} />
        </>
      ) : null}
    </div>
  );
}
