"use client";

import { type Member, useRemoveMember } from "@/components/hooks/use-members";
import { ConfirmDialog } from "@/components/ui/dialog";
import { memberLabel } from "./members-table";

export function RemoveMemberDialog({
  segmentId,
  member,
  onClose,
  onRemoved,
}: {
  segmentId: string;
  member: Member | null;
  onClose: () => void;
  onRemoved: (message: string) => void;
}) {
  const remove = useRemoveMember(segmentId);
  const label = member ? memberLabel(member) : "";
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={member !== null}
      title="Remove member?"
      confirmLabel="Remove"
      pending={remove.isPending}
      onClose={close}
      onConfirm={() =>
        member &&
        remove.mutate(member.user_id, {
          onSuccess: () => {
            onRemoved(`Removed ${label} from the segment.`);
            close();
          },
        })
      }
      message={
        <>
          <p>
            {label} will leave this segment. If the segment's membership follows its criteria, a later refresh
            may add them back.
          </p>
          {remove.isError ? (
            <p role="alert" className="mt-2 text-red-700">
              {remove.error.message}
            </p>
          ) : null}
        </>
      }
    />
  );
}
