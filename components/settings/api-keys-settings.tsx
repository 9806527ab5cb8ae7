"use client";

import { type FormEvent, useState } from "react";
import {
  type CreatedApiKey,
  useApiKeys,
  useCreateApiKey,
  useRevokeApiKey,
} from "@/components/hooks/use-settings";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { Announcer, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { type Scope, scopes } from "@/lib/auth/scopes";
import { ApiProblem } from "@/lib/client/api-client";

/** Create a key (shown once, here), list the keys and revoke them. */
export function ApiKeysSettings() {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [chosen, setChosen] = useState<Scope[]>(["segments:read"]);
  const [shown, setShown] = useState<CreatedApiKey | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = String(form.get("expires_at") ?? "");
    create.mutate(
      {
        name: String(form.get("name") ?? ""),
        scopes: chosen,
        expires_at: expires ? new Date(expires).toISOString() : null,
      },
      {
        onSuccess: (key) => {
          setShown(key);
          setAnnouncement(`Key ${key.name} created. Copy it now: it is shown only once.`);
        },
      },
    );
  }

  const problem = create.error instanceof ApiProblem ? create.error : undefined;
  return (
    <div className="max-w-4xl space-y-8">
      <Announcer message={announcement} />
      <div>
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="text-sm text-slate-600">
          Keys let other systems call the API with only the scopes they need. A key is shown once, when it is
          created; only its hash is kept.
        </p>
      </div>
      <form
        onSubmit={submit}
        aria-label="Create an API key"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <TextField label="Name" name="name" required maxLength={200} error={problem?.fieldMessage("name")} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {scopes.map((scope) => (
              <label key={scope} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={chosen.includes(scope)}
                  onChange={(event) =>
                    setChosen((current) =>
                      event.target.checked ? [...current, scope] : current.filter((s) => s !== scope),
                    )
                  }
                />
                {scope}
              </label>
            ))}
          </div>
          {problem?.fieldMessage("scopes") ? (
            <p className="text-xs text-red-700">{problem.fieldMessage("scopes")}</p>
          ) : null}
        </fieldset>
        <TextField
          label="Expires (optional)"
          name="expires_at"
          type="datetime-local"
          error={problem?.fieldMessage("expires_at")}
        />
        {create.isError && !problem?.errors.length ? (
          <p role="alert" className="text-sm text-red-700">
            {create.error.message}
          </p>
        ) : null}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {shown ? (
        <section
          aria-labelledby="new-key"
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h2 id="new-key" className="font-semibold">
            Your new key
          </h2>
          <p className="text-sm">Copy it now: it will not be shown again.</p>
          <code data-testid="new-api-key" className="block rounded bg-white p-2 text-sm break-all">
            {shown.key}
          </code>
          <Button variant="secondary" size="sm" onClick={() => setShown(null)}>
            Done
          </Button>
        </section>
      ) : null}
      <section aria-labelledby="keys-heading" className="space-y-2">
        <h2 id="keys-heading" className="text-lg font-semibold">
          Keys
        </h2>
        {keys.isPending ? (
          <LoadingState label="Loading keys…" />
        ) : keys.isError ? (
          <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
        ) : keys.data.items.length === 0 ? (
          <EmptyState title="No API keys yet." />
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th className="py-2">Name</th>
                <th>Prefix</th>
                <th>Scopes</th>
                <th>Created</th>
                <th>Last used</th>
                <th>Expires</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((key) => (
                <tr key={key.id} className="border-b border-slate-100">
                  <td className="py-2">{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{key.scopes.join(", ")}</td>
                  <td>{formatDateTime(key.created_at)}</td>
                  <td>{formatDateTime(key.last_used_at)}</td>
                  <td>{formatDateTime(key.expires_at)}</td>
                  <td>
                    <Button
                      variant="danger"
                      size="sm"
                      aria-label={`Revoke ${key.name}`}
                      disabled={revoke.isPending}
                      onClick={() =>
                        revoke.mutate(key.id, {
                          onSuccess: () => setAnnouncement(`Key ${key.name} revoked.`),
                        })
                      }
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
