"use client";

import { type ChangeEvent, useState } from "react";
import { type BulkAddResult, useImportMembers } from "@/components/hooks/use-members";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatInteger } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { chunkIdentifiers, type ParsedMemberCsv, parseMemberCsv } from "./parse-member-csv";

/** Imports members from a CSV read in the browser, sent in requests of at most 10,000 identifiers. */
export function CsvImport({ segmentId, onDone }: { segmentId: string; onDone: (message: string) => void }) {
  const importMembers = useImportMembers(segmentId);
  // A new key clears the file input after an import.
  const [inputKey, setInputKey] = useState(0);
  const [parsed, setParsed] = useState<ParsedMemberCsv | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [result, setResult] = useState<BulkAddResult | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setResult(null);
    setFileError(undefined);
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
    importMembers.mutate(
      { chunks, onProgress: (done, total) => setProgress({ done, total }) },
      {
        onSuccess: (outcome) => {
          setResult(outcome);
          setParsed(null);
          setInputKey((key) => key + 1);
          onDone(
            `Import finished: ${formatInteger(outcome.added)} added, ${formatInteger(outcome.updated)} already members, ${formatInteger(outcome.not_found.length)} not found.`,
          );
        },
        onError: (error) => onDone(`Import failed: ${error.message}`),
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
          : count
            ? `Import ${formatInteger(count)} members`
            : "Import members"}
      </Button>
      {importMembers.isPending ? (
        <ProgressBar label="Importing members" value={progress.done} max={progress.total} />
      ) : null}
      {importMembers.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {importMembers.error.message}
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
