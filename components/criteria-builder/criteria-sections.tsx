"use client";

import type { ReactNode } from "react";
import { TextField } from "@/components/ui/field";
import { type TagOption, TagPicker } from "@/components/ui/tag-picker";
import type { CriteriaFormValues } from "./criteria-model";
import type { FormErrors } from "./form-errors";

type Values = CriteriaFormValues;
type TextKey = {
  [K in keyof Values]: Values[K] extends string ? K : never;
}[keyof Values];
type ListKey = {
  [K in keyof Values]: Values[K] extends string[] ? K : never;
}[keyof Values];

interface SectionsProps {
  values: Values;
  onChange: (patch: Partial<Values>) => void;
  errors: FormErrors;
  /** Values present in the data per profile field (from GET /segments/criteria/fields). */
  options: Record<string, TagOption[]>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/** The demographic, behavioral and engagement criteria as plain labelled fields. */
export function CriteriaSections({ values, onChange, errors, options }: SectionsProps) {
  const number = (key: TextKey, label: string, extra: { min?: number; max?: number; step?: string } = {}) => (
    <TextField
      label={label}
      type="number"
      inputMode="decimal"
      min={extra.min ?? 0}
      max={extra.max}
      step={extra.step ?? "1"}
      value={values[key]}
      onChange={(event) => onChange({ [key]: event.target.value })}
      error={errors[key]}
    />
  );
  const list = (key: ListKey, label: string, field: string, hint?: string) => (
    <TagPicker
      label={label}
      values={values[key]}
      onChange={(next) => onChange({ [key]: next })}
      options={options[field]}
      hint={hint}
      error={errors[key]}
    />
  );
  return (
    <div className="space-y-4">
      <Section title="Demographic">
        {number("minAge", "Minimum age", { max: 130 })}
        {number("maxAge", "Maximum age", { max: 130 })}
        {list("locations", "Locations", "location", "Country codes such as US or GB.")}
        {list("genders", "Gender", "gender")}
        <div className="sm:col-span-2">{list("interests", "Interests", "interests")}</div>
      </Section>
      <Section title="Behavioral">
        {number("minPurchases", "Minimum purchases")}
        {number("minTotalSpent", "Minimum total spent", { step: "0.01" })}
        {list("engagementFrequencies", "Engagement frequency", "engagement_frequency")}
        {list("contentPreferences", "Content preferences", "content_preferences")}
      </Section>
      <Section title="Engagement">
        {list("engagementLevels", "Engagement level", "engagement_level")}
        {number("minSessionDuration", "Minimum session duration (seconds)")}
        {number("activeWithinDays", "Active within (days)")}
        {number("minInteractionScore", "Minimum interaction score", { max: 1, step: "0.05" })}
      </Section>
    </div>
  );
}
