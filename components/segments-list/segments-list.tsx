"use client";

import { Can } from "@/components/auth/can";
import { usePersonas } from "@/components/hooks/use-personas";
import { useSegments } from "@/components/hooks/use-segments";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { Announcer, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { Pagination } from "./pagination";
import { SegmentFilters } from "./segment-filters";
import { SegmentsTable } from "./segments-table";
import { PAGE_SIZE, useListParams } from "./use-list-params";

/** The home page: every segment, filtered and paged by what the URL says. */
export function SegmentsList() {
  const { filters, setFilters, hasFilters } = useListParams();
  const segments = useSegments({
    persona_id: filters.persona_id || undefined,
    status: filters.status || undefined,
    strategy: filters.strategy || undefined,
    search: filters.search || undefined,
    sort: filters.sort || undefined,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  });
  const personas = usePersonas();
  const personaNames = new Map((personas.data?.items ?? []).map((persona) => [persona.id, persona.name]));
  const total = segments.data?.total;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Segments</h1>
          <p className="text-sm text-slate-600">
            Groups of your audience, the content they get and how it performs.
          </p>
        </div>
        <Can scope="segments:write">
          <Link
            href="/segments/new"
            className="inline-flex items-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
          >
            New segment
          </Link>
        </Can>
      </div>
      <SegmentFilters filters={filters} onChange={setFilters} hasFilters={hasFilters} />
      <Announcer message={total === undefined ? "" : `${total} segment${total === 1 ? "" : "s"} found.`} />
      {segments.isPending ? (
        <LoadingState label="Loading segments…" />
      ) : segments.isError ? (
        <ErrorState error={segments.error} onRetry={() => segments.refetch()} />
      ) : segments.data.items.length === 0 ? (
        hasFilters ? (
          <EmptyState title="No segments match these filters">
            <Button
              variant="secondary"
              onClick={() => setFilters({ persona_id: "", status: "", strategy: "", search: "" })}
            >
              Clear filters
            </Button>
          </EmptyState>
        ) : filters.page > 1 ? (
          <EmptyState title="This page is empty">
            <Button variant="secondary" onClick={() => setFilters({ page: 1 })}>
              Go to the first page
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title="No segments yet">
            <Link href="/segments/new" className="text-indigo-700 underline">
              Create your first segment
            </Link>
          </EmptyState>
        )
      ) : (
        <div className="space-y-3" aria-busy={segments.isFetching}>
          <SegmentsTable segments={segments.data.items} personaNames={personaNames} />
          <Pagination
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={segments.data.total}
            onPage={(page) => setFilters({ page })}
          />
        </div>
      )}
    </div>
  );
}
