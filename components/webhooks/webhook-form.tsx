"use client";

import { type FormEvent, useState } from "react";
import { useSegments } from "@/components/hooks/use-segments";
import type { Webhook, WebhookInput } from "@/components/hooks/use-webhooks";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/field";
import { ApiProblem } from "@/lib/client/api-client";
import { webhookEventTypes } from "@/lib/webhooks/event-types";

export const eventLabels: Record<(typeof webhookEventTypes)[number], string> = {
  "segment.member_joined": "Member joined",
  "segment.member_left": "Member left",
  "segment.updated": "Segment updated",
};

interface WebhookFormProps {
  initial?: Webhook;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: Partial<WebhookInput> & { url: string }) => void;
  onCancel: () => void;
}

/** Create or edit a webhook: URL, description, the kinds of change and the segments (none checked: all). */
export function WebhookForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: WebhookFormProps) {
  const segments = useSegments({ limit: 100, sort: "segment_name" });
  const [url, setUrl] = useState(initial?.url ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [events, setEvents] = useState<string[]>(initial?.events ?? [...webhookEventTypes]);
  const [segmentIds, setSegmentIds] = useState<string[]>(initial?.segment_ids ?? []);
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const problem = error instanceof ApiProblem ? error : undefined;
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((item) => item !== value);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      url: url.trim(),
      description: description.trim() || null,
      events: events as WebhookInput["events"],
      segment_ids: segmentIds,
      enabled,
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        label="Endpoint URL"
        type="url"
        required
        placeholder="https://example.com/hooks/segments"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        error={problem?.fieldMessage("url")}
      />
      <TextField
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={problem?.fieldMessage("description")}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        {webhookEventTypes.map((type) => (
          <CheckboxField
            key={type}
            label={eventLabels[type]}
            checked={events.includes(type)}
            onChange={(event) => setEvents(toggle(events, type, event.target.checked))}
          />
        ))}
        {problem?.fieldMessage("events") ? (
          <p className="text-xs text-red-700">{problem.fieldMessage("events")}</p>
        ) : null}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Segments</legend>
        <p className="text-xs text-slate-500">None checked: every segment, also those created later.</p>
        <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
          {(segments.data?.items ?? []).map((segment) => (
            <CheckboxField
              key={segment.id}
              label={segment.segment_name}
              checked={segmentIds.includes(segment.id)}
              onChange={(event) => setSegmentIds(toggle(segmentIds, segment.id, event.target.checked))}
            />
          ))}
        </div>
      </fieldset>
      <CheckboxField
        label="Enabled"
        hint="A disabled webhook receives no new changes."
        checked={enabled}
        onChange={(event) => setEnabled(event.target.checked)}
      />
      {problem && !problem.fieldMessage("url") && !problem.fieldMessage("events") ? (
        <p role="alert" className="text-sm text-red-700">
          {problem.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
