import { withApi } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { created, json } from "@/lib/api/response";
import { createTeamMemberSchema, teamMemberListSchema, teamMemberSchema } from "@/lib/team/schemas";
import { createTeamMember, listTeamMembers } from "@/lib/team/service";

// GET /api/v1/team-members - the team, oldest first
export const GET = withApi({ scope: "admin" }, async () =>
  json(teamMemberListSchema, await listTeamMembers()),
);

// POST /api/v1/team-members - add a member who signs in with this email and password
export const POST = withApi({ scope: "admin" }, async ({ req }) => {
  const member = await createTeamMember(await readJson(req, createTeamMemberSchema));
  return created(teamMemberSchema, member, `/api/v1/team-members/${member.id}`);
});

export * from "@/lib/api/method-not-allowed";
