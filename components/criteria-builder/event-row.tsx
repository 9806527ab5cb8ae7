"use client";

import { useId } from "react";
import type { CriteriaField } from "@/components/hooks/use-criteria-fields";
import { useSegments } from "@/components/hooks/use-segments";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { operatorLabels } from "@/lib/criteria/describe-condition";
import { operatorsByType } from "@/lib/criteria/fields";
import {
  comparisonOperators,
  type EventNode,
  emptyRule,
  eventMeasureOptions,
  isEventComplete,
  isSeenMeasure,
  type SegmentRefNode,
} from "./criteria-model";
import { RuleRow } from "./rule-row";

// The where rules of an event test its value (a number) or a property (any JSON, like a trait).
const eventFields: CriteriaField[] = [
  { field: "value", label: "Event value", type: "number", operators: [...operatorsByType.number] },
];

interface EventRowProps {
  node: EventNode;
  name: string;
  events: Array<{ name: string; count: number }>;
  onChange: (node: EventNode) => void;
  onRemove: () => void;
}

/** One event condition (issue 13): the event, optional rules on it, a window and one measure. */
export function EventRow({ node, name, events, onChange, onRemove }: EventRowProps) {
  const baseId = useId();
  const eventListId = `${baseId}-events`;
  const seen = isSeenMeasure(node.measure);
  const set = (patch: Partial<EventNode>) => onChange({ ...node, ...patch });
  return (
    <fieldset className="space-y-3 rounded-md border border-indigo-200 bg-white p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">{name}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Event name"
          className="w-48"
          list={events.length ? eventListId : undefined}
          value={node.name}
          onChange={(event) => set({ name: event.target.value.trim() })}
        />
        <datalist id={eventListId}>
          {events.map((event) => (
            <option key={event.name} value={event.name}>{`${event.count} events`}</option>
          ))}
        </datalist>
        <SelectField
          label="Measure"
          className="min-w-48"
          value={node.measure}
          options={eventMeasureOptions.map((m) => ({ value: m.value, label: m.label }))}
          onChange={(event) => set({ measure: event.target.value as EventNode["measure"] })}
        />
        {node.measure !== "count" && !seen ? (
          <TextField
            label="Of"
            className="w-44"
            hint='"value" or properties.<key>'
            value={node.of}
            onChange={(event) => set({ of: event.target.value })}
          />
        ) : null}
        {seen ? (
          <TextField
            label="Days"
            className="w-28"
            type="number"
            value={node.value}
            onChange={(event) => set({ value: event.target.value })}
          />
        ) : (
          <>
            <SelectField
              label="Comparison"
              className="min-w-36"
              value={node.op}
              options={comparisonOperators.map((op) => ({ value: op, label: operatorLabels[op] }))}
              onChange={(event) => set({ op: event.target.value })}
            />
            <TextField
              label={node.op === "between" ? "From" : "Amount"}
              className="w-28"
              type="number"
              value={node.value}
              onChange={(event) => set({ value: event.target.value })}
            />
            {node.op === "between" ? (
              <TextField
                label="To"
                className="w-28"
                type="number"
                value={node.valueTo}
                onChange={(event) => set({ valueTo: event.target.value })}
              />
            ) : null}
          </>
        )}
      </div>
      {seen ? null : (
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label="When"
            className="min-w-44"
            value={node.window}
            options={[
              { value: "all", label: "All time" },
              { value: "days", label: "In the last (days)" },
              { value: "between", label: "Between dates" },
            ]}
            onChange={(event) => set({ window: event.target.value as EventNode["window"] })}
          />
          {node.window === "days" ? (
            <TextField
              label="Window (days)"
              className="w-32"
              type="number"
              value={node.days}
              onChange={(event) => set({ days: event.target.value })}
            />
          ) : null}
          {node.window === "between" ? (
            <>
              <TextField
                label="From date"
                type="date"
                value={node.from}
                onChange={(event) => set({ from: event.target.value })}
              />
              <TextField
                label="To date"
                type="date"
                value={node.to}
                onChange={(event) => set({ to: event.target.value })}
              />
            </>
          ) : null}
        </div>
      )}
      {node.where.map((rule, index) => (
        <RuleRow
          key={rule.id}
          rule={rule}
          name={`${name} rule ${index + 1}`}
          fields={eventFields}
          traits={[]}
          customPrefix="properties."
          onChange={(next) => set({ where: node.where.map((r, i) => (i === index ? next : r)) })}
          onRemove={() => set({ where: node.where.filter((_, i) => i !== index) })}
        />
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => set({ where: [...node.where, emptyRule("value")] })}
          aria-label={`Add rule to ${name.toLowerCase()}`}
        >
          Add event rule
        </Button>
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`}>
          Remove
        </Button>
        {isEventComplete(node) ? null : (
          <p className="text-xs text-slate-500">Not applied until it has a name, a window and an amount.</p>
        )}
      </div>
    </fieldset>
  );
}

interface SegmentRefRowProps {
  node: SegmentRefNode;
  name: string;
  onChange: (node: SegmentRefNode) => void;
  onRemove: () => void;
}

/** `{"in_segment": id}`: members of another segment (wrap it in a "none of" group to negate it). */
export function SegmentRefRow({ node, name, onChange, onRemove }: SegmentRefRowProps) {
  const segments = useSegments({ limit: 100, sort: "segment_name" });
  const items = segments.data?.items ?? [];
  const options = [
    { value: "", label: "Choose a segment…" },
    ...items.map((segment) => ({ value: segment.id, label: segment.segment_name })),
    ...(node.segmentId && !items.some((s) => s.id === node.segmentId)
      ? [{ value: node.segmentId, label: node.segmentId }]
      : []),
  ];
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded-md border border-indigo-200 bg-white p-3">
      <legend className="sr-only">{name}</legend>
      <SelectField
        label="Member of segment"
        className="min-w-64"
        value={node.segmentId}
        options={options}
        onChange={(event) => onChange({ ...node, segmentId: event.target.value })}
      />
      <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`}>
        Remove
      </Button>
    </fieldset>
  );
}
