"use client";

import { type FormEvent, useState } from "react";
import {
  type TeamMember,
  useCreateTeamMember,
  useDeleteTeamMember,
  useTeamMembers,
  useUpdateTeamMember,
} from "@/components/hooks/use-settings";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Announcer, ErrorState, LoadingState } from "@/components/ui/states";
import { ApiProblem } from "@/lib/client/api-client";

const roleOptions = [
  { value: "viewer", label: "Viewer (read only)" },
  { value: "editor", label: "Editor (segments, members, content, experiments)" },
  { value: "admin", label: "Admin (everything, with keys and the team)" },
];

/** The team: add a member with a role, change roles, remove members (admins only). */
export function TeamSettings() {
  const members = useTeamMembers();
  const create = useCreateTeamMember();
  const update = useUpdateTeamMember();
  const remove = useDeleteTeamMember();
  const [announcement, setAnnouncement] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        password: String(form.get("password") ?? ""),
        role: String(form.get("role") ?? "viewer") as TeamMember["role"],
      },
      {
        onSuccess: (member) => {
          setAnnouncement(`${member.email} added as ${member.role}.`);
          formElement.reset();
        },
      },
    );
  }

  const problem = create.error instanceof ApiProblem ? create.error : undefined;
  const changeError = update.error ?? remove.error;
  return (
    <div className="max-w-4xl space-y-8">
      <Announcer message={announcement} />
      <div>
        <h1 className="text-2xl font-semibold">Team</h1>
        <p className="text-sm text-slate-600">Who can sign in, and what their role lets them do.</p>
      </div>
      <form
        onSubmit={submit}
        aria-label="Add a team member"
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      >
        <TextField label="Email" name="email" type="email" required error={problem?.fieldMessage("email")} />
        <TextField label="Name" name="name" required error={problem?.fieldMessage("name")} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters; give it to them privately."
          error={problem?.fieldMessage("password")}
        />
        <SelectField label="Role" name="role" options={roleOptions} defaultValue="viewer" />
        {create.isError && !problem?.errors.length ? (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2">
            {create.error.message}
          </p>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add member"}
          </Button>
        </div>
      </form>
      {changeError ? (
        <p role="alert" className="text-sm text-red-700">
          {changeError.message}
        </p>
      ) : null}
      {members.isPending ? (
        <LoadingState label="Loading the team…" />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th className="py-2">Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.data.items.map((member) => (
              <tr key={member.id} className="border-b border-slate-100">
                <td className="py-2">{member.name}</td>
                <td>{member.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1"
                    onChange={(event) =>
                      update.mutate(
                        { id: member.id, role: event.target.value as TeamMember["role"] },
                        {
                          onSuccess: (changed) => setAnnouncement(`${changed.email} is now ${changed.role}.`),
                        },
                      )
                    }
                  >
                    {roleOptions.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.value}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <Button
                    variant="danger"
                    size="sm"
                    aria-label={`Remove ${member.email}`}
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(member.id, {
                        onSuccess: () => setAnnouncement(`${member.email} removed.`),
                      })
                    }
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
