"use client";

import { type FormEvent, useState } from "react";
import { identifierKind, type Preview, useDecidePreview } from "@/components/hooks/use-decide";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatDecimal } from "@/components/ui/format";
import { LoadingState } from "@/components/ui/states";
import { reasonText } from "./decision-reasons";

const kindText = { user_id: "user id", email: "email", external_id: "external id" } as const;

/**
 * "Preview as user": a user id, email or external id → exactly what decide answers for that user now, without
 * recording an exposure. Given a segment, only that segment's decision is asked for.
 */
export function PreviewPanel({ segmentId, headingLevel = 2 }: { segmentId?: string; headingLevel?: 2 | 3 }) {
  const [identifier, setIdentifier] = useState("");
  const [submitted, setSubmitted] = useState<string | null>(null);
  const preview = useDecidePreview(submitted, segmentId ? [segmentId] : undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = identifier.trim();
    // The same identifier again asks again: the query is not cached (gcTime 0), so refetch it.
    if (text === submitted) void preview.refetch();
    else setSubmitted(text || null);
  };
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
        <TextField
          label="User id, email or external id"
          className="min-w-64 flex-1"
          autoComplete="off"
          spellCheck={false}
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          hint={
            identifier.trim()
              ? `Read as ${kindText[identifierKind(identifier)]}. Nothing is recorded: this is not an exposure.`
              : "Nothing is recorded: this is not an exposure."
          }
        />
        <Button type="submit" className="mb-5" disabled={!identifier.trim() || preview.isFetching}>
          Preview
        </Button>
      </form>
      <div aria-live="polite">
        {submitted === null ? null : preview.isFetching ? (
          <LoadingState label="Asking decide…" />
        ) : preview.isError ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {preview.error.message}
          </p>
        ) : preview.data ? (
          <PreviewResult preview={preview.data} restricted={Boolean(segmentId)} Heading={Heading} />
        ) : null}
      </div>
    </div>
  );
}

function PreviewResult({
  preview,
  restricted,
  Heading,
}: {
  preview: Preview;
  restricted: boolean;
  Heading: "h2" | "h3";
}) {
  const { user, decision } = preview;
  const segmentNames = new Map(
    decision.segments.map((segment) => [segment.segment_id, segment.segment_name]),
  );
  const SubHeading = Heading === "h2" ? "h3" : "h4";
  return (
    <section
      aria-label="Preview result"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <Heading className="font-semibold">
        {user.name ?? user.email ?? user.external_id ?? user.id}
        <span className="block text-xs font-normal text-slate-600">
          {[user.email, user.external_id && `external id ${user.external_id}`, `id ${user.id}`]
            .filter(Boolean)
            .join(" · ")}
        </span>
      </Heading>
      <div className="space-y-2">
        <SubHeading className="text-sm font-semibold text-slate-800">Segments</SubHeading>
        {decision.segments.length === 0 ? (
          <p className="text-sm text-slate-700">
            {restricted
              ? "Not a member of this segment, or the segment is not active: decide delivers nothing here."
              : "Not a member of any active segment: decide delivers nothing."}
          </p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">The user's active segments, in decide's order</caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Segment
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Priority
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Confidence
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {decision.segments.map((segment) => (
                <tr key={segment.segment_id}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {segment.segment_name}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{segment.priority}</td>
                  <td className="py-1 text-right tabular-nums">{formatDecimal(segment.confidence_score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="space-y-2">
        <SubHeading className="text-sm font-semibold text-slate-800">Decisions</SubHeading>
        {decision.decisions.length === 0 ? (
          <p className="text-sm text-slate-700">
            No decision: none of these segments has content with a running experiment.
          </p>
        ) : (
          <ol className="space-y-2">
            {decision.decisions.map((item) => (
              <li key={item.segment_id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{segmentNames.get(item.segment_id)}</span>
                  <span aria-hidden>→</span>
                  <span className="font-medium text-slate-900">{item.content.title}</span>
                  <span className="text-slate-600">({item.content.content_type})</span>
                  {item.is_control ? (
                    <Badge tone="amber">Control</Badge>
                  ) : (
                    <Badge tone="indigo">Variant</Badge>
                  )}
                  {item.variant_id ? <span className="text-slate-700">{item.variant_id}</span> : null}
                </p>
                <p className="mt-1 text-slate-700">
                  <span className="font-medium">Reason {item.assignment.reason}</span> ·{" "}
                  {reasonText[item.assignment.reason]} Bucket {item.assignment.bucket} of 0–9999.
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-indigo-700">Decide's answer as JSON</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs text-slate-900">
          {JSON.stringify(decision, null, 2)}
        </pre>
      </details>
    </section>
  );
}
