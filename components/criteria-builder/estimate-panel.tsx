"use client";

import { useEstimate } from "@/components/hooks/use-estimate";
import { formatInteger, formatNumber } from "@/components/ui/format";
import { Announcer } from "@/components/ui/states";

const percent = (value: number) => `${formatNumber(value, 1)}%`;

/** The live size of the audience the criteria select, with a few of its profiles. */
export function EstimatePanel({
  criteria,
  personaId,
  valid,
}: {
  criteria: Record<string, unknown>;
  personaId: string | null;
  /** False while the criteria have a mistake: the last estimate stays, marked as out of date. */
  valid: boolean;
}) {
  const estimate = useEstimate(criteria, personaId, { enabled: valid });
  const data = estimate.data;
  const headingId = "estimate-heading";
  const summary = data
    ? `Estimated audience: ${formatInteger(data.estimated_size)} users, ${percent(data.percentage)} of all users.`
    : "";

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={estimate.isFetching}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-center justify-between">
        <h2 id={headingId} className="font-semibold text-slate-800">
          Estimated audience
        </h2>
        {estimate.isFetching ? (
          <span className="text-xs text-slate-500" aria-hidden>
            Updating…
          </span>
        ) : null}
      </div>
      <Announcer message={summary} />
      {valid ? null : (
        <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-800">
          Fix the criteria marked in the form to update the estimate.
        </p>
      )}
      {estimate.isError && !estimate.isFetching ? (
        <p className="rounded-md bg-red-50 p-2 text-sm text-red-800">
          Could not estimate these criteria: {(estimate.error as Error).message}
        </p>
      ) : null}
      {data ? (
        <>
          <div>
            <p className="text-3xl font-semibold text-indigo-700">
              {formatInteger(data.estimated_size)}
              <span className="ml-1 text-base font-normal text-slate-600">users</span>
            </p>
            <p className="text-sm text-slate-600">
              {percent(data.percentage)} of {formatInteger(data.total_users)} users
            </p>
            <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
              <div
                className="h-full rounded-full bg-indigo-500 transition-all"
                style={{ width: `${Math.min(100, Math.max(0, data.percentage))}%` }}
              />
            </div>
          </div>
          <div>
            <h3 className="text-sm font-medium text-slate-700">Sample profiles</h3>
            {data.sample.length ? (
              <ul className="mt-1 divide-y divide-slate-100 text-sm">
                {data.sample.map((user) => (
                  <li key={user.id} className="py-1.5">
                    <p className="font-medium text-slate-800">
                      {user.name ?? user.email ?? user.external_id}
                    </p>
                    <p className="text-xs text-slate-500">
                      {[
                        user.age !== null ? `${user.age} years` : null,
                        user.location,
                        user.gender,
                        user.engagement_level ? `${user.engagement_level} engagement` : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-500">No profile matches these criteria.</p>
            )}
          </div>
        </>
      ) : estimate.isPending ? (
        <p className="text-sm text-slate-500">Estimating…</p>
      ) : null}
    </section>
  );
}
