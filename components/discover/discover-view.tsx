"use client";

import { type FormEvent, useState } from "react";
import { type DiscoveryProposal, useDiscover } from "@/components/hooks/use-discover";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formatInteger } from "@/components/ui/format";
import { Link } from "@/components/ui/link";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ApiProblem } from "@/lib/client/api-client";
import { CriteriaSummary } from "./criteria-summary";

const percent = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const kOptions = ["auto", ...Array.from({ length: 11 }, (_, i) => String(i + 2))];

/** The builder's address pre-filled with a proposal (read by app/segments/new/page.tsx). */
export function builderHref(proposal: DiscoveryProposal): string {
  const query = new URLSearchParams({ name: proposal.name, criteria: JSON.stringify(proposal.criteria) });
  return `/segments/new?${query.toString()}`;
}

function liftText(lift: number) {
  return lift >= 1 ? `${lift.toFixed(2)}× as common` : `${lift.toFixed(2)}× (less common)`;
}

function ProposalCard({ proposal, index }: { proposal: DiscoveryProposal; index: number }) {
  const headingId = `proposal-${index}`;
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="font-semibold">
            {proposal.name}
          </h3>
          <p className="text-sm text-slate-600">
            {formatInteger(proposal.size)} users ({percent(proposal.share)} of all) · precision{" "}
            {percent(proposal.precision)} · recall {percent(proposal.recall)}
          </p>
        </div>
        <Link
          href={builderHref(proposal)}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
          aria-label={`Create segment from ${proposal.name}`}
        >
          Create segment
        </Link>
      </div>
      <div>
        <h4 className="text-sm font-medium text-slate-800">What sets it apart</h4>
        <table className="mt-1 w-full text-left text-sm">
          <caption className="sr-only">Lifts of {proposal.name}</caption>
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Field
              </th>
              <th scope="col" className="py-1 font-medium">
                Value
              </th>
              <th scope="col" className="py-1 font-medium">
                Lift
              </th>
            </tr>
          </thead>
          <tbody>
            {proposal.profile.map((lift) => (
              <tr key={`${lift.field}:${lift.value}`} className="border-t border-slate-100">
                <td className="py-1">{lift.field}</td>
                <td className="py-1">{String(lift.value)}</td>
                <td className="py-1">{liftText(lift.lift)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h4 className="text-sm font-medium text-slate-800">Criteria</h4>
        <CriteriaSummary criteria={proposal.criteria} />
      </div>
    </article>
  );
}

/** Discover: cluster the audience and turn a cluster into a segment. */
export function DiscoverView() {
  const discover = useDiscover();
  const [k, setK] = useState("auto");
  const [sampleSize, setSampleSize] = useState("50000");
  const [seed, setSeed] = useState("1");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    discover.mutate({
      ...(k === "auto" ? {} : { k: Number(k) }),
      sample_size: Number(sampleSize),
      seed: Number(seed),
    });
  };
  const fieldError = (name: string) =>
    discover.error instanceof ApiProblem ? discover.error.fieldMessage(name) : undefined;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Discover segments</h1>
        <p className="text-sm text-slate-600">
          Groups of similar profiles found in a sample of your audience, each described as criteria you can
          turn into a segment. Lifts compare a group with everyone in the sample.
        </p>
      </div>
      <form
        onSubmit={onSubmit}
        noValidate
        className="flex flex-wrap items-end gap-4"
        aria-label="Discovery options"
      >
        <SelectField
          label="Number of groups"
          value={k}
          onChange={(e) => setK(e.target.value)}
          className="w-40"
          options={kOptions.map((option) => ({
            value: option,
            label: option === "auto" ? "Automatic" : option,
          }))}
        />
        <TextField
          label="Sample size"
          type="number"
          inputMode="numeric"
          min={20}
          max={50000}
          value={sampleSize}
          onChange={(e) => setSampleSize(e.target.value)}
          error={fieldError("sample_size")}
          className="w-40"
        />
        <TextField
          label="Seed"
          type="number"
          inputMode="numeric"
          min={0}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          error={fieldError("seed")}
          className="w-32"
        />
        <Button type="submit" disabled={discover.isPending}>
          {discover.isPending ? "Discovering…" : "Discover"}
        </Button>
      </form>
      <section aria-labelledby="proposals-heading" className="space-y-4" aria-busy={discover.isPending}>
        <h2 id="proposals-heading" className="text-lg font-semibold">
          Proposals
        </h2>
        {discover.isPending ? (
          <LoadingState label="Clustering the sample…" />
        ) : discover.isError && !fieldError("sample_size") && !fieldError("seed") ? (
          <ErrorState error={discover.error} onRetry={() => discover.reset()} />
        ) : !discover.data ? (
          <EmptyState title="Nothing discovered yet">Choose the options and press Discover.</EmptyState>
        ) : discover.data.proposals.length === 0 ? (
          <EmptyState title="No groups found">There are too few profiles, or they do not differ.</EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-600" role="status">
              {discover.data.k} groups in a sample of {formatInteger(discover.data.sample_size)} profiles
              (silhouette {discover.data.silhouette.toFixed(2)}: near 1 well separated, near 0 overlapping).
            </p>
            <div className="grid gap-4 lg:grid-cols-2">
              {discover.data.proposals.map((proposal, index) => (
                <ProposalCard key={proposal.name} proposal={proposal} index={index} />
              ))}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
