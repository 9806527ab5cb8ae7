"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { SegmentActivity } from "@/components/activity/segment-activity";
import { useCan } from "@/components/hooks/use-me";
import { useDeleteSegment, useUpdateSegment } from "@/components/hooks/use-segment";
import type { Segment } from "@/components/hooks/use-segments";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { Announcer } from "@/components/ui/states";
import { SegmentDestinations } from "@/components/webhooks/segment-destinations";
import { ApiProblem } from "@/lib/client/api-client";

type Status = Segment["status"];

export function SettingsTab({ segment }: { segment: Segment }) {
  const router = useRouter();
  const update = useUpdateSegment(segment.id);
  const remove = useDeleteSegment(segment.id);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const canWrite = useCan("segments:write");

  const setStatus = (status: Status, done: string) =>
    update.mutate({ status }, { onSuccess: () => setAnnouncement(done) });

  const confirmDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirmingDelete(false);
        router.push("/segments");
      },
    });

  if (!canWrite) {
    return (
      <p className="max-w-3xl text-sm text-slate-600">
        Your role can view this segment but not change it; an editor or admin can.
      </p>
    );
  }

  return (
    <div className="max-w-3xl space-y-6">
      <Announcer message={announcement} />
      <SettingsRow
        title="Definition"
        description="Change the name, description, persona, strategy or criteria in the builder."
      >
        <Link
          href={`/segments/${segment.id}/edit`}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Edit segment
        </Link>
      </SettingsRow>
      <SettingsRow
        title="Status"
        description={
          segment.status === "active"
            ? "Active: the segment receives personalized content. Pause it to stop for a while."
            : segment.status === "paused"
              ? "Paused: no personalized content is delivered until you resume it."
              : "Archived: kept for reference only. Restore it to use it again."
        }
      >
        <div className="flex gap-2">
          {segment.status === "active" ? (
            <Button
              variant="secondary"
              disabled={update.isPending}
              onClick={() => setStatus("paused", "Segment paused.")}
            >
              Pause
            </Button>
          ) : (
            <Button
              variant="secondary"
              disabled={update.isPending}
              onClick={() =>
                setStatus("active", segment.status === "paused" ? "Segment resumed." : "Segment restored.")
              }
            >
              {segment.status === "paused" ? "Resume" : "Restore"}
            </Button>
          )}
          {segment.status !== "archived" ? (
            <Button
              variant="secondary"
              disabled={update.isPending}
              onClick={() => setStatus("archived", "Segment archived.")}
            >
              Archive
            </Button>
          ) : null}
        </div>
      </SettingsRow>
      <SettingsRow
        title="Delivery priority"
        description="When a user is in several segments, decide answers the highest priority first; a site that shows one item takes that one."
      >
        <PriorityForm segment={segment} onSaved={setAnnouncement} />
      </SettingsRow>
      {announcement ? <p className="text-sm text-slate-700">{announcement}</p> : null}
      {update.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {update.error.message}
        </p>
      ) : null}
      <SegmentDestinations segmentId={segment.id} />
      <SettingsRow
        title="Delete segment"
        description="Deletes the segment with its members and personalized content. This cannot be undone."
        danger
      >
        <Button variant="danger" onClick={() => setConfirmingDelete(true)}>
          Delete
        </Button>
      </SettingsRow>
      <SegmentActivity segmentId={segment.id} />
      <ConfirmDialog
        open={confirmingDelete}
        title="Delete segment?"
        confirmLabel="Delete segment"
        pending={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => {
          remove.reset();
          setConfirmingDelete(false);
        }}
        message={
          <>
            <p>
              “{segment.segment_name}” and its {segment.member_count} members and personalized content will be
              deleted.
            </p>
            {remove.isError ? (
              <p role="alert" className="mt-2 text-red-700">
                {remove.error.message}
              </p>
            ) : null}
          </>
        }
      />
    </div>
  );
}

function PriorityForm({ segment, onSaved }: { segment: Segment; onSaved: (message: string) => void }) {
  const update = useUpdateSegment(segment.id);
  const [priority, setPriority] = useState(String(segment.priority));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { priority: Number(priority) },
      { onSuccess: (saved) => onSaved(`Priority set to ${saved.priority}.`) },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex items-start gap-2">
      <TextField
        label="Priority"
        type="number"
        inputMode="numeric"
        step={1}
        className="w-28"
        value={priority}
        onChange={(event) => setPriority(event.target.value)}
        error={update.error instanceof ApiProblem ? update.error.fieldMessage("priority") : undefined}
      />
      <Button type="submit" variant="secondary" className="mt-6" disabled={update.isPending}>
        Save priority
      </Button>
    </form>
  );
}

function SettingsRow({
  title,
  description,
  danger,
  children,
}: {
  title: string;
  description: string;
  danger?: boolean;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className={`flex flex-wrap items-center justify-between gap-4 rounded-lg border bg-white p-4 ${danger ? "border-red-200" : "border-slate-200"}`}
    >
      <div className="max-w-lg">
        <h2 className="font-semibold">{title}</h2>
        <p className="text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </section>
  );
}
