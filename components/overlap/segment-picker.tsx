"use client";

import { useState } from "react";
import { useSegments } from "@/components/hooks/use-segments";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/field";
import { formatInteger } from "@/components/ui/format";
import { ErrorState, LoadingState } from "@/components/ui/states";

export const MAX_SEGMENTS = 10;

interface SegmentPickerProps {
  selected: string[];
  onChange: (ids: string[]) => void;
}

/** Checkboxes for up to ten segments, with a box to narrow a long list by name. */
export function SegmentPicker({ selected, onChange }: SegmentPickerProps) {
  const [filter, setFilter] = useState("");
  const segments = useSegments({ limit: 500, sort: "segment_name" });
  const full = selected.length >= MAX_SEGMENTS;
  // Chosen segments first, so that what is compared stays in view however long the list.
  const items = (segments.data?.items ?? [])
    .filter((segment) => segment.segment_name.toLowerCase().includes(filter.trim().toLowerCase()))
    .sort((a, b) => Number(selected.includes(b.id)) - Number(selected.includes(a.id)));

  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">Segments to compare</legend>
      <p className="text-sm text-slate-600" aria-live="polite">
        {selected.length} of {MAX_SEGMENTS} chosen{selected.length < 2 ? " — choose at least 2." : "."}
      </p>
      <TextField
        label="Filter segments by name"
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {segments.isPending ? (
        <LoadingState label="Loading segments…" />
      ) : segments.isError ? (
        <ErrorState error={segments.error} onRetry={() => segments.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-500">No segment matches.</p>
      ) : (
        <ul className="max-h-80 space-y-1 overflow-y-auto pr-2">
          {items.map((segment) => {
            const checked = selected.includes(segment.id);
            return (
              <li key={segment.id}>
                <CheckboxField
                  label={`${segment.segment_name} (${formatInteger(segment.member_count)} members)`}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(event) =>
                    onChange(
                      event.target.checked
                        ? [...selected, segment.id]
                        : selected.filter((id) => id !== segment.id),
                    )
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
      {selected.length ? (
        <button type="button" className="text-sm text-indigo-700 underline" onClick={() => onChange([])}>
          Clear selection
        </button>
      ) : null}
    </fieldset>
  );
}
