"use client";

import { useEffect, useRef, useState } from "react";
import { usePersonas } from "@/components/hooks/use-personas";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { segmentStatuses, segmentStrategies } from "@/lib/segments/segment-enums";
import type { ListFilters } from "./use-list-params";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const sortOptions = [
  { value: "", label: "Newest first" },
  { value: "created_at", label: "Oldest first" },
  { value: "segment_name", label: "Name (A–Z)" },
  { value: "-segment_name", label: "Name (Z–A)" },
  { value: "-member_count", label: "Most members" },
  { value: "-estimated_size", label: "Largest estimated size" },
  { value: "-updated_at", label: "Recently updated" },
];

interface SegmentFiltersProps {
  filters: ListFilters;
  onChange: (patch: Partial<ListFilters>) => void;
  hasFilters: boolean;
}

export function SegmentFilters({ filters, onChange, hasFilters }: SegmentFiltersProps) {
  const personas = usePersonas();
  const [search, setSearch] = useState(filters.search);
  const pushed = useRef(filters.search);

  // The URL follows the search box once typing pauses; the box follows the URL only when something else
  // changed it (back/forward, "Clear filters"), so that an answer arriving mid-typing does not eat keystrokes.
  useEffect(() => {
    if (filters.search !== pushed.current) {
      pushed.current = filters.search;
      setSearch(filters.search);
    }
  }, [filters.search]);
  useEffect(() => {
    const wanted = search.trim();
    if (wanted === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = wanted;
      onChange({ search: wanted });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, onChange]);

  return (
    <search
      aria-label="Filter segments"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] lg:items-end"
    >
      <TextField
        label="Search"
        type="search"
        placeholder="Name or description"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <SelectField
        label="Persona"
        value={filters.persona_id}
        onChange={(event) => onChange({ persona_id: event.target.value })}
        options={[
          { value: "", label: "All personas" },
          ...(personas.data?.items ?? []).map((persona) => ({ value: persona.id, label: persona.name })),
        ]}
      />
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(event) => onChange({ status: event.target.value })}
        options={[
          { value: "", label: "All statuses" },
          ...segmentStatuses.map((value) => ({ value, label: capitalize(value) })),
        ]}
      />
      <SelectField
        label="Strategy"
        value={filters.strategy}
        onChange={(event) => onChange({ strategy: event.target.value })}
        options={[
          { value: "", label: "All strategies" },
          ...segmentStrategies.map((value) => ({ value, label: capitalize(value) })),
        ]}
      />
      <SelectField
        label="Sort by"
        value={filters.sort}
        onChange={(event) => onChange({ sort: event.target.value })}
        options={sortOptions}
      />
      <Button
        variant="ghost"
        disabled={!hasFilters}
        onClick={() => {
          setSearch("");
          pushed.current = "";
          onChange({ persona_id: "", status: "", strategy: "", search: "" });
        }}
      >
        Clear filters
      </Button>
    </search>
  );
}
