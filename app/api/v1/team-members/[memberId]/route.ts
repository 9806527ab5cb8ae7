import { withApi } from "@/lib/api/handler";
import { parseId, readJson } from "@/lib/api/request";
import { json, noContent } from "@/lib/api/response";
import { teamMemberSchema, updateTeamMemberSchema } from "@/lib/team/schemas";
import { deleteTeamMember, updateTeamMember } from "@/lib/team/service";

type Params = { memberId: string };

// PATCH /api/v1/team-members/{member_id} - change a member's role or name (the team keeps one admin)
export const PATCH = withApi<Params>({ scope: "admin" }, async ({ req, params }) => {
  const id = parseId(params.memberId, "member_id");
  return json(teamMemberSchema, await updateTeamMember(id, await readJson(req, updateTeamMemberSchema)));
});

// DELETE /api/v1/team-members/{member_id} - remove a member; their sessions end with them
export const DELETE = withApi<Params>({ scope: "admin" }, async ({ params }) => {
  await deleteTeamMember(parseId(params.memberId, "member_id"));
  return noContent();
});

export * from "@/lib/api/method-not-allowed";
