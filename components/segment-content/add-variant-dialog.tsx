"use client";

import { type FormEvent, useState } from "react";
import { useContentList } from "@/components/hooks/use-content";
import { useCreatePersonalizedContent } from "@/components/hooks/use-personalized-content";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ApiProblem } from "@/lib/client/api-client";

interface AddVariantDialogProps {
  segmentId: string;
  open: boolean;
  hasControl: boolean;
  onClose: () => void;
  onAdded: (message: string) => void;
  /** Pre-selects a content item (a suggestion's "Add as variant"). */
  initialContentId?: string;
}

const emptyForm = { content_id: "", variant_id: "", is_control: false };

/** Links a piece of content to the segment as an A/B variant or as the control group. */
export function AddVariantDialog({
  segmentId,
  open,
  hasControl,
  onClose,
  onAdded,
  initialContentId,
}: AddVariantDialogProps) {
  const content = useContentList({ limit: 500 }, open);
  const create = useCreatePersonalizedContent(segmentId);
  const [form, setForm] = useState({ ...emptyForm, content_id: initialContentId ?? "" });

  const problem = create.error instanceof ApiProblem ? create.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        segment_id: segmentId,
        content_id: form.content_id,
        is_control: form.is_control,
        ...(form.variant_id.trim() ? { variant_id: form.variant_id.trim() } : {}),
      },
      {
        onSuccess: (created) => {
          onAdded(
            `Added ${created.content?.title ?? "the content"} as ${form.is_control ? "the control group" : `variant ${created.variant_id ?? ""}`.trim()}.`,
          );
          setForm(emptyForm);
          create.reset();
          onClose();
        },
      },
    );
  };

  return (
    <Dialog open={open} title="Add variant" onClose={onClose}>
      {content.isPending ? (
        <LoadingState label="Loading content…" />
      ) : content.isError ? (
        <ErrorState error={content.error} onRetry={() => content.refetch()} />
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <SelectField
            label="Content"
            required
            value={form.content_id}
            onChange={(event) => setForm({ ...form, content_id: event.target.value })}
            error={problem?.fieldMessage("content_id")}
            options={[
              { value: "", label: content.data.items.length ? "Choose content…" : "No content yet" },
              ...content.data.items.map((item) => ({
                value: item.id,
                label: `${item.title} (${item.content_type})`,
              })),
            ]}
          />
          <TextField
            label="Variant ID"
            value={form.variant_id}
            maxLength={50}
            placeholder="variant_a"
            hint="A short name for this variant, unique within the segment."
            onChange={(event) => setForm({ ...form, variant_id: event.target.value })}
            error={problem?.fieldMessage("variant_id")}
          />
          <CheckboxField
            label="Control group"
            hint={
              hasControl
                ? "This segment already has a control group."
                : "The baseline the variants are compared with."
            }
            checked={form.is_control}
            onChange={(event) => setForm({ ...form, is_control: event.target.checked })}
          />
          {create.isError ? (
            <p role="alert" className="text-sm text-red-700">
              {create.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Adding…" : "Add variant"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
