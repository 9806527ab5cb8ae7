"use client";

import { useState } from "react";
import { Can } from "@/components/auth/can";
import { type Member, type MembersQuery, membersExportUrl, useMembers } from "@/components/hooks/use-members";
import type { Segment } from "@/components/hooks/use-segments";
import { SelectField, TextField } from "@/components/ui/field";
import { formatInteger } from "@/components/ui/format";
import { Announcer, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { firstMembersQuery } from "@/lib/members/first-members-query";
import { AddMemberForm } from "./add-member-form";
import { CsvImport } from "./csv-import";
import { ExplainDialog } from "./explain-dialog";
import { MembersPagination } from "./members-pagination";
import { MembersTable } from "./members-table";
import { PopulatePanel } from "./populate-panel";
import { RemoveMemberDialog } from "./remove-member-dialog";

export function MembersTab({ segment }: { segment: Segment }) {
  const [query, setQuery] = useState<Omit<MembersQuery, "cursor">>(firstMembersQuery);
  // Keyset paging: the cursors of the pages before the current one (the first page has none), so
  // "Previous" goes back exactly and every page costs the same however deep it is.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [explaining, setExplaining] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const pageIndex = cursors.length - 1;
  const members = useMembers(segment.id, { ...query, cursor: cursors[pageIndex] });
  const update = (patch: Partial<Omit<MembersQuery, "cursor">>) => {
    setQuery((current) => ({ ...current, ...patch }));
    setCursors([undefined]);
  };

  return (
    <div className="space-y-6">
      <Announcer message={announcement} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Can scope="members:write">
          <AddMemberForm segmentId={segment.id} onAdded={setAnnouncement} />
        </Can>
        <a
          href={membersExportUrl(segment.id)}
          download
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Export CSV
        </a>
      </div>
      {announcement ? <p className="text-sm text-slate-700">{announcement}</p> : null}

      <section aria-labelledby="members-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="members-heading" className="text-lg font-semibold">
            Members{" "}
            <span className="font-normal text-slate-500">({formatInteger(segment.member_count)})</span>
          </h2>
          <div className="flex flex-wrap gap-3">
            <TextField
              label="Search members"
              type="search"
              className="w-56"
              value={query.search ?? ""}
              onChange={(event) => update({ search: event.target.value || undefined })}
            />
            <SelectField
              label="Source"
              className="w-40"
              value={query.source ?? ""}
              onChange={(event) =>
                update({ source: (event.target.value || undefined) as MembersQuery["source"] })
              }
              options={[
                { value: "", label: "All" },
                { value: "manual", label: "Manual" },
                { value: "criteria", label: "Criteria" },
              ]}
            />
          </div>
        </div>
        {members.isPending ? (
          <LoadingState label="Loading members…" />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => members.refetch()} />
        ) : members.data.items.length === 0 ? (
          <EmptyState title={query.search || query.source ? "No members match" : "No members yet"}>
            Add a member by user ID or email, import a CSV, or populate the segment from its criteria.
          </EmptyState>
        ) : (
          <div className="space-y-3" aria-busy={members.isFetching}>
            <MembersTable
              members={members.data.items}
              sort={query.sort}
              onSort={(sort) => update({ sort })}
              onExplain={setExplaining}
              onRemove={setRemoving}
            />
            <MembersPagination
              page={members.data}
              pageIndex={pageIndex}
              onNext={() => {
                const next = members.data.next_cursor;
                if (next) setCursors((current) => [...current, next]);
              }}
              onPrevious={() => setCursors((current) => current.slice(0, -1))}
              onLimit={(limit) => update({ limit })}
            />
          </div>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Can scope="members:write">
          <CsvImport segmentId={segment.id} onDone={setAnnouncement} />
          <PopulatePanel segmentId={segment.id} onDone={setAnnouncement} />
        </Can>
      </div>

      <ExplainDialog segmentId={segment.id} member={explaining} onClose={() => setExplaining(null)} />
      <RemoveMemberDialog
        segmentId={segment.id}
        member={removing}
        onClose={() => setRemoving(null)}
        onRemoved={setAnnouncement}
      />
    </div>
  );
}
