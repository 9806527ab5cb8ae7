"use client";

import { useState } from "react";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useSendTest,
  useUpdateWebhook,
  useWebhooks,
  type Webhook,
  type WebhookWithSecret,
} from "@/components/hooks/use-webhooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Announcer, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { DeliveryLog } from "./delivery-log";
import { eventLabels, WebhookForm } from "./webhook-form";

/** The webhooks page: list, add, edit, delete, send a test, and each webhook's delivery log. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const create = useCreateWebhook();
  const remove = useDeleteWebhook();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const items = webhooks.data?.items ?? [];
  const shown = items.find((webhook) => webhook.id === selected) ?? null;

  return (
    <div className="space-y-6">
      <Announcer message={announcement} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Webhooks</h1>
          <p className="text-sm text-slate-600">
            Send segment changes (members joining and leaving, definition updates) to your tools as signed
            Standard Webhooks.
          </p>
        </div>
        <Button onClick={() => setAdding(true)}>Add webhook</Button>
      </div>
      {created ? (
        <div role="status" className="space-y-1 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
          <p className="font-medium">Signing secret for {created.url}: copy it now, it is shown once.</p>
          <code className="block rounded bg-white p-2 font-mono text-xs break-all">{created.secret}</code>
          <Button size="sm" variant="secondary" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      ) : null}
      {webhooks.isPending ? (
        <LoadingState label="Loading webhooks…" />
      ) : webhooks.isError ? (
        <ErrorState error={webhooks.error} onRetry={() => webhooks.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No webhooks yet">Add one to send segment changes to another tool.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((webhook) => (
            <WebhookRow
              key={webhook.id}
              webhook={webhook}
              selected={webhook.id === selected}
              onShowLog={() => setSelected(webhook.id === selected ? null : webhook.id)}
              onEdit={() => setEditing(webhook)}
              onDelete={() => setDeleting(webhook)}
              onAnnounce={setAnnouncement}
            />
          ))}
        </ul>
      )}
      {shown ? <DeliveryLog webhookId={shown.id} url={shown.url} /> : null}
      <Dialog
        open={adding}
        title="Add webhook"
        onClose={() => {
          create.reset();
          setAdding(false);
        }}
      >
        <WebhookForm
          submitLabel="Add webhook"
          pending={create.isPending}
          error={create.error}
          onCancel={() => setAdding(false)}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (webhook) => {
                setAdding(false);
                setCreated(webhook);
                setSelected(webhook.id);
                setAnnouncement(`Webhook ${webhook.url} added.`);
              },
            })
          }
        />
      </Dialog>
      {editing ? (
        <EditDialog webhook={editing} onClose={() => setEditing(null)} onSaved={setAnnouncement} />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete webhook?"
        confirmLabel="Delete webhook"
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setAnnouncement(`Webhook ${deleting.url} deleted.`);
              if (selected === deleting.id) setSelected(null);
              setDeleting(null);
            },
          })
        }
        message={<p>{deleting?.url} and its delivery log will be deleted; nothing more is sent to it.</p>}
      />
    </div>
  );
}

function WebhookRow({
  webhook,
  selected,
  onShowLog,
  onEdit,
  onDelete,
  onAnnounce,
}: {
  webhook: Webhook;
  selected: boolean;
  onShowLog: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onAnnounce: (message: string) => void;
}) {
  const test = useSendTest(webhook.id);
  return (
    <li className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="min-w-0 space-y-1">
        <p className="font-mono text-sm break-all">{webhook.url}</p>
        {webhook.description ? <p className="text-sm text-slate-600">{webhook.description}</p> : null}
        <div className="flex flex-wrap gap-1">
          <Badge tone={webhook.enabled ? "green" : "gray"}>{webhook.enabled ? "enabled" : "disabled"}</Badge>
          <Badge tone="indigo">
            {webhook.segment_ids.length === 0
              ? "All segments"
              : `${webhook.segment_ids.length} segment${webhook.segment_ids.length === 1 ? "" : "s"}`}
          </Badge>
          {webhook.events.map((event) => (
            <Badge key={event}>{eventLabels[event]}</Badge>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" aria-pressed={selected} onClick={onShowLog}>
          Deliveries
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={test.isPending}
          onClick={() =>
            test.mutate(undefined, { onSuccess: () => onAnnounce(`Test message queued for ${webhook.url}.`) })
          }
        >
          Send test
        </Button>
        <Button size="sm" variant="secondary" onClick={onEdit}>
          Edit
        </Button>
        <Button size="sm" variant="danger" onClick={onDelete}>
          Delete
        </Button>
      </div>
    </li>
  );
}

function EditDialog({
  webhook,
  onClose,
  onSaved,
}: {
  webhook: Webhook;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const update = useUpdateWebhook(webhook.id);
  return (
    <Dialog open title="Edit webhook" onClose={onClose}>
      <WebhookForm
        initial={webhook}
        submitLabel="Save webhook"
        pending={update.isPending}
        error={update.error}
        onCancel={onClose}
        onSubmit={(input) =>
          update.mutate(input, {
            onSuccess: () => {
              onSaved(`Webhook ${input.url} saved.`);
              onClose();
            },
          })
        }
      />
    </Dialog>
  );
}
