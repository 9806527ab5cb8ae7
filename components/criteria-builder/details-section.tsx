"use client";

import { usePersonas } from "@/components/hooks/use-personas";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { membershipModes, segmentStrategies } from "@/lib/segments/segment-enums";
import type { FormErrors } from "./form-errors";

export interface SegmentDetails {
  segment_name: string;
  description: string;
  persona_id: string;
  strategy: string;
  membership_mode: string;
  /** Kept as typed; the API validates it (an integer). */
  priority: string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const membershipHints: Record<string, string> = {
  manual: "Members are added by hand, by import or by “Populate from criteria”.",
  dynamic: "Membership follows the criteria: profiles join and leave as they change.",
};

/** Name, description, persona, strategy and membership mode of the segment. */
export function DetailsSection({
  details,
  onChange,
  errors,
}: {
  details: SegmentDetails;
  onChange: (patch: Partial<SegmentDetails>) => void;
  errors: FormErrors;
}) {
  const personas = usePersonas();
  const personaOptions = [
    { value: "", label: personas.isPending ? "Loading personas…" : "No persona" },
    ...(personas.data?.items ?? []).map((persona) => ({ value: persona.id, label: persona.name })),
  ];
  // Keep a persona that is not in the list (e.g. while loading) selectable, so the value is not lost.
  if (details.persona_id && !personaOptions.some((option) => option.value === details.persona_id)) {
    personaOptions.push({ value: details.persona_id, label: "Current persona" });
  }

  return (
    <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
      <legend className="px-1 text-sm font-semibold text-slate-800">Details</legend>
      <TextField
        label="Segment name"
        className="sm:col-span-2"
        maxLength={100}
        autoComplete="off"
        value={details.segment_name}
        onChange={(event) => onChange({ segment_name: event.target.value })}
        error={errors.segment_name}
      />
      <TextAreaField
        label="Description"
        className="sm:col-span-2"
        rows={2}
        value={details.description}
        onChange={(event) => onChange({ description: event.target.value })}
        error={errors.description}
      />
      <SelectField
        label="Persona"
        value={details.persona_id}
        options={personaOptions}
        onChange={(event) => onChange({ persona_id: event.target.value })}
        hint={personas.isError ? "Personas could not be loaded." : undefined}
        error={errors.persona_id}
      />
      <SelectField
        label="Strategy"
        value={details.strategy}
        options={segmentStrategies.map((value) => ({ value, label: capitalize(value) }))}
        onChange={(event) => onChange({ strategy: event.target.value })}
        error={errors.strategy}
      />
      <TextField
        label="Priority"
        type="number"
        inputMode="numeric"
        step={1}
        value={details.priority}
        onChange={(event) => onChange({ priority: event.target.value })}
        hint="Delivery order: when a user is in several segments, the highest priority is decided first."
        error={errors.priority}
      />
      <SelectField
        label="Membership"
        value={details.membership_mode}
        options={membershipModes.map((value) => ({ value, label: capitalize(value) }))}
        onChange={(event) => onChange({ membership_mode: event.target.value })}
        hint={membershipHints[details.membership_mode]}
        error={errors.membership_mode}
      />
    </fieldset>
  );
}
