"use client";

import { useId } from "react";
import type { CriteriaField } from "@/components/hooks/use-criteria-fields";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { operatorLabels } from "@/lib/criteria/describe-condition";
import { operators as allOperators } from "@/lib/criteria/fields";
import { isRuleComplete, listOperators, type RuleNode, valuelessOperators } from "./criteria-model";

const TRAIT = "__trait";

interface RuleRowProps {
  rule: RuleNode;
  name: string;
  fields: CriteriaField[];
  traits: Array<{ key: string; count: number }>;
  onChange: (rule: RuleNode) => void;
  onRemove: () => void;
  /** The free-form key's prefix: `traits.` for profiles, `properties.` for an event's rules. */
  customPrefix?: string;
}

/** One rule: a profile field or custom trait, an operator allowed for it, and the value to compare with. */
export function RuleRow({
  rule,
  name,
  fields,
  traits,
  onChange,
  onRemove,
  customPrefix = "traits.",
}: RuleRowProps) {
  const baseId = useId();
  const isTrait = rule.field.startsWith(customPrefix);
  const customLabel = customPrefix === "traits." ? "Custom trait" : "Property";
  const known = fields.find((field) => field.field === rule.field);
  const operators = known?.operators.length ? known.operators : allOperators;
  const fieldOptions = [
    { value: "", label: "Choose a field…" },
    // A model-written field says how good its model is where it is offered (held-out AUC, 0.5 = chance).
    ...fields.map((field) => ({
      value: field.field,
      label: field.model ? `${field.label} (model AUC ${field.model.auc.toFixed(2)})` : field.label,
    })),
    ...(!known && !isTrait && rule.field ? [{ value: rule.field, label: rule.field }] : []),
    { value: TRAIT, label: `${customLabel}…` },
  ];
  const setField = (field: string) => {
    const next = fields.find((candidate) => candidate.field === field);
    const allowed = next?.operators.length ? next.operators : allOperators;
    onChange({ ...rule, field, op: (allowed as readonly string[]).includes(rule.op) ? rule.op : allowed[0] });
  };
  const valueListId = `${baseId}-values`;
  const traitListId = `${baseId}-traits`;
  const isList = listOperators.has(rule.op);
  const inputType = known?.type === "number" && !isList ? "number" : "text";

  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3">
      <legend className="sr-only">{name}</legend>
      <SelectField
        label="Field"
        className="min-w-44"
        value={isTrait ? TRAIT : rule.field}
        hint={
          known?.model
            ? `Scored by a model; held-out AUC ${known.model.auc.toFixed(2)} (0.5 is chance, 1 is perfect).`
            : undefined
        }
        options={fieldOptions}
        onChange={(event) => setField(event.target.value === TRAIT ? customPrefix : event.target.value)}
      />
      {isTrait ? (
        <>
          <TextField
            label={customPrefix === "traits." ? "Trait name" : "Property name"}
            className="w-40"
            list={traits.length ? traitListId : undefined}
            value={rule.field.slice(customPrefix.length)}
            onChange={(event) => onChange({ ...rule, field: `${customPrefix}${event.target.value.trim()}` })}
          />
          <datalist id={traitListId}>
            {traits.map((trait) => (
              <option key={trait.key} value={trait.key} />
            ))}
          </datalist>
        </>
      ) : null}
      <SelectField
        label="Operator"
        className="min-w-44"
        value={rule.op}
        options={operators.map((op) => ({ value: op, label: operatorLabels[op] }))}
        onChange={(event) => onChange({ ...rule, op: event.target.value })}
      />
      {valuelessOperators.has(rule.op) ? null : (
        <>
          <TextField
            label={rule.op === "between" ? "From" : "Value"}
            className="min-w-40 flex-1"
            type={inputType}
            list={known?.values?.length ? valueListId : undefined}
            hint={isList ? "Separate values with commas." : undefined}
            value={rule.value}
            onChange={(event) => onChange({ ...rule, value: event.target.value })}
          />
          {rule.op === "between" ? (
            <TextField
              label="To"
              className="min-w-32"
              type={inputType}
              value={rule.valueTo}
              onChange={(event) => onChange({ ...rule, valueTo: event.target.value })}
            />
          ) : null}
          {known?.values?.length ? (
            <datalist id={valueListId}>
              {known.values.map((option) => (
                <option key={option.value} value={option.value} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
      <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`}>
        Remove
      </Button>
      {isRuleComplete(rule) ? null : (
        <p className="w-full text-xs text-slate-500">Not applied until it has a field and a value.</p>
      )}
    </fieldset>
  );
}
