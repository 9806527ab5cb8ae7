"use client";

import { type ChangeEvent, useState } from "react";
import {
  type BulkAddResult,
  type ImportProgress,
  noImportOutcome,
  useImportMembers,
} from "@/components/hooks/use-members";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatInteger } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { chunkIdentifiers, type ParsedMemberCsv, parseMemberCsv } from "./parse-member-csv";

/**
 * Imports members from a CSV read in the browser, sent in parts of at most 10,000 identifiers. When a part
 * fails, the parts before it stay added and "Continue import" sends the rest, from the part that failed.
 */
export function CsvImport({ segmentId, onDone }: { segmentId: string; onDone: (message: string) => void }) {
  const importMembers = useImportMembers(segmentId);
  // A new key clears the file input after an import.
  const [inputKey, setInputKey] = useState(0);
  const [parsed, setParsed] = useState<ParsedMemberCsv | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState<ImportProgress>({ done: 0, total: 0, outcome: noImportOutcome() });
  const [result, setResult] = useState<BulkAddResult | null>(null);
  // Parts of the chosen file already added: a failed import continues from here.
  const resumeFrom = parsed && !result ? progress.done : 0;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setResult(null);
    setFileError(undefined);
    setProgress({ done: 0, total: 0, outcome: noImportOutcome() });
    importMembers.reset();
    const file = event.target.files?.[0];
    if (!file) {
      setParsed(null);
      return;
    }
    const content = parseMemberCsv(await file.text());
    if (content.userIds.length + content.emails.length + content.externalIds.length === 0) {
      setParsed(null);
      setFileError("The file holds no user IDs or emails.");
      return;
    }
    setParsed(content);
  };

  const start = () => {
    if (!parsed) return;
    const chunks = chunkIdentifiers(parsed).map((chunk) => ({ ...chunk, skip_unknown: true }));
    let latest = progress;
    const onProgress = (reached: ImportProgress) => {
      latest = reached;
      setProgress(reached);
    };
    const carried = resumeFrom ? progress.outcome : noImportOutcome();
    importMembers.mutate(
      { chunks, from: resumeFrom, carried, onProgress },
      {
        onSuccess: (outcome) => {
          setResult(outcome);
          setParsed(null);
          setInputKey((key) => key + 1);
          onDone(
            `Import finished: ${formatInteger(outcome.added)} added, ${formatInteger(outcome.updated)} already members, ${formatInteger(outcome.not_found.length)} not found.`,
          );
        },
        onError: (error) => onDone(`Import failed: ${failure(error, latest)}`),
      },
    );
  };

  const count = parsed ? parsed.userIds.length + parsed.emails.length + parsed.externalIds.length : 0;
  return (
    <section
      aria-labelledby="csv-import-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="csv-import-heading" className="font-semibold">
        Import CSV
      </h3>
      <TextField
        key={inputKey}
        type="file"
        label="CSV file"
        accept=".csv,text/csv,text/plain"
        hint="User IDs or emails, one per line, or a column named user_id or email."
        error={fileError}
        onChange={choose}
        disabled={importMembers.isPending}
      />
      {parsed ? (
        <p className="text-sm text-slate-700">
          Found {formatInteger(parsed.userIds.length)} user IDs, {formatInteger(parsed.emails.length)} emails
          {parsed.externalIds.length ? ` and ${formatInteger(parsed.externalIds.length)} external IDs` : ""}
          {parsed.invalid.length
            ? `; ${formatInteger(parsed.invalid.length)} lines skipped (not an ID or email)`
            : ""}
          .
        </p>
      ) : null}
      <Button onClick={start} disabled={!parsed || importMembers.isPending}>
        {importMembers.isPending
          ? "Importing…"
          : resumeFrom
            ? "Continue import"
            : count
              ? `Import ${formatInteger(count)} members`
              : "Import members"}
      </Button>
      {importMembers.isPending ? (
        <ProgressBar label="Importing members" value={progress.done} max={progress.total} />
      ) : null}
      {importMembers.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {failure(importMembers.error, progress)}
        </p>
      ) : null}
      {result ? (
        <div className="text-sm text-slate-700">
          <p>
            {formatInteger(result.added)} added, {formatInteger(result.updated)} already members,{" "}
            {formatInteger(result.not_found.length)} not found. The segment has{" "}
            {formatInteger(result.member_count)} members.
          </p>
          {result.not_found.length ? (
            <p className="text-xs break-all text-slate-500">
              Not found: {result.not_found.slice(0, 20).join(", ")}
              {result.not_found.length > 20 ? ` and ${result.not_found.length - 20} more` : ""}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** The error, then what the import did before it and that it can go on (unless its first part failed). */
function failure(error: Error, { done, total, outcome }: ImportProgress): string {
  const reason = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
  if (!done) return reason;
  return `${reason} It imported ${done} of ${total} parts first (${formatInteger(outcome.added)} added); continue to send the rest.`;
}
