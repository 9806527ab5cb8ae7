"use client";

import type { Member, MemberSort } from "@/components/hooks/use-members";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatShare } from "@/components/ui/format";
import { describeReason } from "./describe-reason";

type SortField = "email" | "confidence_score" | "joined_at";

interface MembersTableProps {
  members: Member[];
  sort: MemberSort;
  onSort: (sort: MemberSort) => void;
  onExplain: (member: Member) => void;
  onRemove: (member: Member) => void;
}

export const memberLabel = (member: Member) =>
  member.user.email ?? member.user.name ?? member.user.external_id ?? member.user_id;

export function MembersTable({ members, sort, onSort, onExplain, onRemove }: MembersTableProps) {
  const header = (field: SortField, label: string) => {
    const active = sort.replace(/^-/, "") === field;
    const descending = sort.startsWith("-");
    const next: MemberSort = active && !descending ? `-${field}` : field;
    return (
      <th
        scope="col"
        aria-sort={active ? (descending ? "descending" : "ascending") : "none"}
        className="px-3 py-2 text-left font-medium"
      >
        <button
          type="button"
          onClick={() => onSort(next)}
          className="inline-flex items-center gap-1 hover:text-slate-900"
        >
          {label}
          <span aria-hidden className="text-slate-400">
            {active ? (descending ? "▼" : "▲") : "↕"}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Members of this segment</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {header("email", "Member")}
            {header("confidence_score", "Confidence")}
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Source
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Reason
            </th>
            {header("joined_at", "Joined")}
            <th scope="col" className="px-3 py-2 text-left font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const label = memberLabel(member);
            return (
              <tr key={member.id}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="block font-medium text-slate-900">{label}</span>
                  {member.user.name && member.user.email ? (
                    <span className="block text-xs text-slate-500">{member.user.name}</span>
                  ) : null}
                </th>
                <td className="px-3 py-2 tabular-nums">{formatShare(member.confidence_score, 0)}</td>
                <td className="px-3 py-2">
                  <Badge tone={member.source === "criteria" ? "indigo" : "gray"}>{member.source}</Badge>
                </td>
                <td className="max-w-xs px-3 py-2 text-slate-700">{describeReason(member)}</td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                  {formatDateTime(member.joined_at)}
                </td>
                <td className="px-3 py-2">
                  <div className="flex justify-end gap-1">
                    <Button variant="ghost" size="sm" onClick={() => onExplain(member)}>
                      Why?<span className="sr-only"> {label}</span>
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => onRemove(member)}>
                      Remove<span className="sr-only"> {label}</span>
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
