"use client";

import type { AuditEntry } from "@/components/hooks/use-audit-log";
import { formatDateTimeToSecond } from "@/components/ui/format";
import { actionLabel, actorLabel, changeLines, resourceTypeLabels } from "./describe-entry";

/** Entries of the audit log, newest first; `showResource` false on a page about one resource. */
export function ActivityTable({
  entries,
  caption,
  showResource = true,
}: {
  entries: AuditEntry[];
  caption: string;
  showResource?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              When
            </th>
            <th scope="col" className="px-4 py-2">
              Who
            </th>
            <th scope="col" className="px-4 py-2">
              What
            </th>
            {showResource ? (
              <th scope="col" className="px-4 py-2">
                Resource
              </th>
            ) : null}
            <th scope="col" className="px-4 py-2">
              Changes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} className="align-top">
              <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                <time dateTime={entry.at}>{formatDateTimeToSecond(entry.at)}</time>
              </td>
              <td className="px-4 py-2 text-slate-800">{actorLabel(entry.actor)}</td>
              <td className="px-4 py-2 text-slate-800">
                {actionLabel(entry.action)}
                {!showResource && entry.resource_type !== "segment" ? (
                  <span className="text-slate-500">
                    {" "}
                    ({resourceTypeLabels[entry.resource_type] ?? entry.resource_type})
                  </span>
                ) : null}
              </td>
              {showResource ? (
                <td className="px-4 py-2 text-slate-700">
                  <span>{resourceTypeLabels[entry.resource_type] ?? entry.resource_type}</span>
                  {entry.resource_id ? (
                    <span className="block font-mono text-xs break-all text-slate-500">
                      {entry.resource_id}
                    </span>
                  ) : null}
                </td>
              ) : null}
              <td className="px-4 py-2 text-slate-700">
                <ul className="space-y-0.5">
                  {changeLines(entry).map((line) => (
                    <li key={line} className="break-words">
                      {line}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
