"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type AuditFilters, useAuditLog } from "@/components/hooks/use-audit-log";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ActivityTable } from "./activity-table";
import { resourceTypeLabels } from "./describe-entry";

const actorOptions = [
  { value: "", label: "Anyone" },
  { value: "user", label: "Team members" },
  { value: "api_key", label: "API keys" },
  { value: "local", label: "Local (no sign-in)" },
];

const typeOptions = [
  { value: "", label: "All resources" },
  ...Object.entries(resourceTypeLabels).map(([value, label]) => ({ value, label })),
];

const FILTERS = ["resource_type", "resource_id", "actor"] as const;

/** The audit log with its filters; the filters live in the URL so that a filtered view can be shared. */
export function ActivityView() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: AuditFilters = Object.fromEntries(
    FILTERS.flatMap((name) => {
      const value = searchParams.get(name);
      return value ? [[name, value]] : [];
    }),
  );
  const [resourceId, setResourceId] = useState(filters.resource_id ?? "");
  const log = useAuditLog(filters);

  const setFilter = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(searchParams.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  const submitResourceId = (event: FormEvent) => {
    event.preventDefault();
    setFilter("resource_id", resourceId.trim());
  };

  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="text-sm text-slate-600">
          Every change to segments, members, content, experiments, users and personas: who made it, when, and
          what changed.
        </p>
      </div>
      <form
        onSubmit={submitResourceId}
        className="grid gap-4 sm:grid-cols-[12rem_12rem_minmax(0,1fr)_auto] sm:items-end"
      >
        <SelectField
          label="Resource"
          options={typeOptions}
          value={filters.resource_type ?? ""}
          onChange={(event) => setFilter("resource_type", event.target.value)}
        />
        <SelectField
          label="Who"
          options={actorOptions}
          value={filters.actor ?? ""}
          onChange={(event) => setFilter("actor", event.target.value)}
        />
        <TextField
          label="Resource id"
          value={resourceId}
          onChange={(event) => setResourceId(event.target.value)}
          placeholder="A segment, user or content id"
        />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
      <section aria-labelledby="activity-heading" className="space-y-4">
        <h2 id="activity-heading" className="sr-only">
          Entries
        </h2>
        {log.isPending ? (
          <LoadingState label="Loading activity…" />
        ) : log.isError ? (
          <ErrorState error={log.error} onRetry={() => log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState title="No activity matches">Changes appear here as soon as they are made.</EmptyState>
        ) : (
          <>
            <ActivityTable entries={entries} caption="Activity, newest first" />
            {log.hasNextPage ? (
              <Button
                variant="secondary"
                disabled={log.isFetchingNextPage}
                onClick={() => log.fetchNextPage()}
              >
                {log.isFetchingNextPage ? "Loading…" : "Load older entries"}
              </Button>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
