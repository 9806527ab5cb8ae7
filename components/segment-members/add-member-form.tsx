"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useAddMember } from "@/components/hooks/use-members";
import { findUserByEmail } from "@/components/hooks/use-users";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ApiProblem } from "@/lib/client/api-client";
import { isEmail, isUserId } from "./parse-member-csv";

/** Adds one member by user id, or by email after looking the user up. Keeps the text when it fails. */
export function AddMemberForm({
  segmentId,
  onAdded,
}: {
  segmentId: string;
  onAdded: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const addMember = useAddMember(segmentId);
  const [identifier, setIdentifier] = useState("");
  const [looking, setLooking] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = identifier.trim();
    setError(undefined);
    if (!isUserId(value) && !isEmail(value)) {
      setError("Enter a user ID (a UUID) or an email address.");
      return;
    }
    try {
      let userId = value;
      if (isEmail(value)) {
        setLooking(true);
        const user = await findUserByEmail(queryClient, value);
        if (!user) {
          setError(`No user has the email ${value}.`);
          return;
        }
        userId = user.id;
      }
      const member = await addMember.mutateAsync({ userId });
      setIdentifier("");
      onAdded(`Added ${member.user?.email ?? value} to the segment.`);
    } catch (caught) {
      setError(
        caught instanceof ApiProblem
          ? (caught.fieldMessage("user_id") ?? caught.message)
          : "The member could not be added.",
      );
    } finally {
      setLooking(false);
    }
  };

  const busy = looking || addMember.isPending;
  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-2" aria-label="Add member">
      <TextField
        label="User ID or email"
        name="member"
        className="w-80"
        value={identifier}
        onChange={(event) => setIdentifier(event.target.value)}
        error={error}
        autoComplete="off"
        required
      />
      <Button type="submit" disabled={busy} className="mt-6">
        {busy ? "Adding…" : "Add member"}
      </Button>
    </form>
  );
}
