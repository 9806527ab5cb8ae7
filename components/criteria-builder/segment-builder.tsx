"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import { useCriteriaFields } from "@/components/hooks/use-criteria-fields";
import { useUpdateSegment } from "@/components/hooks/use-segment";
import { type Segment, useCreateSegment } from "@/components/hooks/use-segments";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Link } from "@/components/ui/link";
import type { TagOption } from "@/components/ui/tag-picker";
import { parseCriteria } from "@/lib/criteria/parse-criteria";
import { GroupEditor } from "./advanced-rules";
import { fromCriteria } from "./criteria-from-json";
import { CriteriaJsonEditor } from "./criteria-json-editor";
import { type CriteriaFormValues, emptyCriteriaValues } from "./criteria-model";
import { CriteriaSections } from "./criteria-sections";
import { toCriteria } from "./criteria-to-json";
import { DetailsSection, type SegmentDetails } from "./details-section";
import { EstimatePanel } from "./estimate-panel";
import { formErrorsOf, formErrorsOfIssues } from "./form-errors";

/** A starting point for a new segment, e.g. a discovered proposal (app/segments/new reads it from the URL). */
export interface SegmentDraft {
  name: string;
  criteria: Record<string, unknown>;
}

function detailsOf(segment?: Segment, draft?: SegmentDraft): SegmentDetails {
  return {
    segment_name: segment?.segment_name ?? draft?.name ?? "",
    description: segment?.description ?? "",
    persona_id: segment?.persona_id ?? "",
    strategy: segment?.strategy ?? "hybrid",
    membership_mode: segment?.membership_mode ?? "manual",
    priority: String(segment?.priority ?? 0),
  };
}

/** The visual criteria builder: creates a segment (from `draft` when given), or edits one when `segment` is given. */
export function SegmentBuilder({ segment, draft }: { segment?: Segment; draft?: SegmentDraft }) {
  const router = useRouter();
  const [details, setDetails] = useState(() => detailsOf(segment, draft));
  const [values, setValues] = useState<CriteriaFormValues>(() => {
    const initial = segment?.criteria ?? draft?.criteria;
    return initial ? fromCriteria(initial) : emptyCriteriaValues();
  });
  const [showJson, setShowJson] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(() => values.advanced.items.length > 0);
  const fieldsQuery = useCriteriaFields();
  const create = useCreateSegment();
  const update = useUpdateSegment(segment?.id ?? "");
  const save = segment ? update : create;

  const fields = fieldsQuery.data?.fields ?? [];
  const traits = fieldsQuery.data?.traits ?? [];
  const types = useMemo(() => Object.fromEntries(fields.map((f) => [f.field, f.type])), [fields]);
  const options = useMemo(
    () => Object.fromEntries(fields.map((f) => [f.field, (f.values ?? []) as TagOption[]])),
    [fields],
  );
  const criteria = useMemo(() => toCriteria(values, types), [values, types]);
  // The API's own criteria parser, run here too: mistakes show at once and no invalid estimate is asked for.
  const validation = useMemo(() => parseCriteria(criteria), [criteria]);
  const errors = {
    ...(validation.ok ? {} : formErrorsOfIssues(validation.issues)),
    ...formErrorsOf(save.error),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      segment_name: details.segment_name,
      description: details.description.trim() ? details.description : null,
      persona_id: details.persona_id || null,
      strategy: details.strategy as Segment["strategy"],
      membership_mode: details.membership_mode as Segment["membership_mode"],
      // An empty field means the default; anything else goes as a number for the API to check.
      priority: details.priority.trim() === "" ? 0 : Number(details.priority),
      criteria,
    };
    save.mutate(body, { onSuccess: (saved) => router.push(`/segments/${saved.id}`) });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-6">
        <DetailsSection
          details={details}
          onChange={(patch) => setDetails((current) => ({ ...current, ...patch }))}
          errors={errors}
        />
        <section aria-labelledby="criteria-heading" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="criteria-heading" className="text-lg font-semibold">
              Criteria
            </h2>
            <CheckboxField
              label="Show criteria as JSON"
              checked={showJson}
              onChange={(event) => setShowJson(event.target.checked)}
            />
          </div>
          {fieldsQuery.isError ? (
            <p className="text-sm text-amber-700">
              The values present in the data could not be loaded; you can still type values.
            </p>
          ) : null}
          {showJson ? (
            <CriteriaJsonEditor
              criteria={criteria}
              onChange={(next) => setValues(fromCriteria(next))}
              error={errors.criteria}
            />
          ) : null}
          <CriteriaSections
            values={values}
            onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
            errors={errors}
            options={options}
          />
          <details
            open={advancedOpen}
            onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <summary className="cursor-pointer text-sm font-semibold text-slate-800">
              Advanced rules
              <span className="ml-2 font-normal text-slate-500">
                nested all / any / none groups on any field, custom trait, event or segment
              </span>
            </summary>
            <div className="mt-3 space-y-2">
              <GroupEditor
                group={values.advanced}
                name="Rule group"
                path=""
                fields={fields}
                traits={traits}
                events={fieldsQuery.data?.events ?? []}
                onChange={(advanced) => setValues((current) => ({ ...current, advanced }))}
              />
              {errors.advanced ? <p className="text-xs text-red-700">{errors.advanced}</p> : null}
              {Object.keys(values.extra).length ? (
                <p className="text-xs text-slate-500">
                  Also kept from the JSON: {Object.keys(values.extra).join(", ")}.
                </p>
              ) : null}
            </div>
          </details>
          {errors.criteria && !showJson ? <p className="text-sm text-red-700">{errors.criteria}</p> : null}
        </section>
        {save.isError ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            <p className="font-medium">The segment was not saved.</p>
            <p>{(save.error as Error).message}</p>
          </div>
        ) : null}
        <div className="flex gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : segment ? "Save changes" : "Create segment"}
          </Button>
          <Link
            href={segment ? `/segments/${segment.id}` : "/segments"}
            className="inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            Cancel
          </Link>
        </div>
      </div>
      <aside className="lg:sticky lg:top-6 lg:self-start">
        <EstimatePanel criteria={criteria} personaId={details.persona_id || null} valid={validation.ok} />
      </aside>
    </form>
  );
}
