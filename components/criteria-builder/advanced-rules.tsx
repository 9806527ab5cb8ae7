"use client";

import type { CriteriaField } from "@/components/hooks/use-criteria-fields";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import {
  type CriteriaNode,
  emptyEvent,
  emptyGroup,
  emptyRule,
  emptySegmentRef,
  type GroupKind,
  type GroupNode,
} from "./criteria-model";
import { EventRow, SegmentRefRow } from "./event-row";
import { groupKindLabels } from "./operators";
import { RuleRow } from "./rule-row";

interface GroupEditorProps {
  group: GroupNode;
  /** "Rule group" for the root, "Group 2.1" for nested ones; rules inside are named after it. */
  name: string;
  path: string;
  fields: CriteriaField[];
  traits: Array<{ key: string; count: number }>;
  /** Event names seen (the field catalogue), offered by event conditions. */
  events?: Array<{ name: string; count: number }>;
  onChange: (group: GroupNode) => void;
  onRemove?: () => void;
}

/** A group of rules combined by all / any / none, with nested groups to any depth. */
export function GroupEditor({
  group,
  name,
  path,
  fields,
  traits,
  events = [],
  onChange,
  onRemove,
}: GroupEditorProps) {
  const replace = (index: number, item: CriteriaNode) =>
    onChange({ ...group, items: group.items.map((current, i) => (i === index ? item : current)) });
  const remove = (index: number) => onChange({ ...group, items: group.items.filter((_, i) => i !== index) });
  const label = (index: number) => (path ? `${path}.${index + 1}` : String(index + 1));

  return (
    <fieldset className="space-y-3 rounded-lg border border-dashed border-slate-300 bg-slate-50 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">{name}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="Match"
          className="w-48"
          value={group.kind}
          options={Object.entries(groupKindLabels).map(([value, text]) => ({ value, label: text }))}
          onChange={(event) => onChange({ ...group, kind: event.target.value as GroupKind })}
        />
        {onRemove ? (
          <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`}>
            Remove group
          </Button>
        ) : null}
      </div>
      {group.items.map((item, index) => {
        if (item.type === "rule") {
          return (
            <RuleRow
              key={item.id}
              rule={item}
              name={`Rule ${label(index)}`}
              fields={fields}
              traits={traits}
              onChange={(rule) => replace(index, rule)}
              onRemove={() => remove(index)}
            />
          );
        }
        if (item.type === "group") {
          return (
            <GroupEditor
              key={item.id}
              group={item}
              name={`Group ${label(index)}`}
              path={label(index)}
              fields={fields}
              traits={traits}
              events={events}
              onChange={(next) => replace(index, next)}
              onRemove={() => remove(index)}
            />
          );
        }
        if (item.type === "event") {
          return (
            <EventRow
              key={item.id}
              node={item}
              name={`Event condition ${label(index)}`}
              events={events}
              onChange={(next) => replace(index, next)}
              onRemove={() => remove(index)}
            />
          );
        }
        if (item.type === "segment") {
          return (
            <SegmentRefRow
              key={item.id}
              node={item}
              name={`Segment condition ${label(index)}`}
              onChange={(next) => replace(index, next)}
              onRemove={() => remove(index)}
            />
          );
        }
        return (
          <div
            key={item.id}
            className="flex items-start gap-3 rounded-md border border-slate-200 bg-white p-3"
          >
            <div className="flex-1">
              <p className="text-xs text-slate-500">Condition {label(index)} (edit it in the JSON view)</p>
              <pre className="overflow-x-auto text-xs text-slate-700">{JSON.stringify(item.json)}</pre>
            </div>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => remove(index)}
              aria-label={`Remove condition ${label(index)}`}
            >
              Remove
            </Button>
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onChange({ ...group, items: [...group.items, emptyRule()] })}
          aria-label={`Add rule to ${name.toLowerCase()}`}
        >
          Add rule
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onChange({ ...group, items: [...group.items, emptyGroup("any")] })}
          aria-label={`Add group to ${name.toLowerCase()}`}
        >
          Add group
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onChange({ ...group, items: [...group.items, emptyEvent()] })}
          aria-label={`Add event condition to ${name.toLowerCase()}`}
        >
          Add event condition
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onChange({ ...group, items: [...group.items, emptySegmentRef()] })}
          aria-label={`Add segment condition to ${name.toLowerCase()}`}
        >
          Add segment condition
        </Button>
      </div>
    </fieldset>
  );
}
