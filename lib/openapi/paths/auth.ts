import { apiKeyListSchema, createApiKeySchema, createdApiKeySchema } from "@/lib/api-keys/schemas";
import { meSchema } from "@/lib/auth/schemas";
import {
  createTeamMemberSchema,
  teamMemberListSchema,
  teamMemberSchema,
  updateTeamMemberSchema,
} from "@/lib/team/schemas";
import type { Operation } from "../operation";

const keyTags = ["API keys"];
const teamTags = ["Team"];

export const authOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    scope: "authenticated",
    summary: "Who is calling: the mode, the member or key, its role and scopes",
    tags: teamTags,
    responses: { 200: { description: "The caller.", schema: meSchema } },
  },
  {
    method: "post",
    path: "/api/v1/api-keys",
    operationId: "createApiKey",
    scope: "admin",
    summary: "Create an API key (the key is in this answer only)",
    description:
      "Only a hash of the key is stored: it cannot be shown again. `expires_at` may be any future time.",
    tags: keyTags,
    body: createApiKeySchema,
    responses: {
      201: { description: "The key, shown once.", schema: createdApiKeySchema },
      422: "Invalid body.",
    },
  },
  {
    method: "get",
    path: "/api/v1/api-keys",
    operationId: "listApiKeys",
    scope: "admin",
    summary: "List the API keys that are not revoked",
    tags: keyTags,
    responses: { 200: { description: "The keys (never the key itself).", schema: apiKeyListSchema } },
  },
  {
    method: "delete",
    path: "/api/v1/api-keys/{key_id}",
    operationId: "revokeApiKey",
    scope: "admin",
    summary: "Revoke an API key",
    description: "Takes effect at once: the next request with the key is answered 401.",
    tags: keyTags,
    pathParams: { key_id: "The key's id." },
    responses: { 204: { description: "Revoked." }, 404: "No such key (or already revoked)." },
  },
  {
    method: "post",
    path: "/api/v1/team-members",
    operationId: "createTeamMember",
    scope: "admin",
    summary: "Add a team member who signs in with an email and password",
    tags: teamTags,
    body: createTeamMemberSchema,
    responses: {
      201: { description: "The member.", schema: teamMemberSchema },
      409: "The email belongs to another member.",
      422: "Invalid body.",
    },
  },
  {
    method: "get",
    path: "/api/v1/team-members",
    operationId: "listTeamMembers",
    scope: "admin",
    summary: "List the team",
    tags: teamTags,
    responses: { 200: { description: "The members, oldest first.", schema: teamMemberListSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/team-members/{member_id}",
    operationId: "updateTeamMember",
    scope: "admin",
    summary: "Change a member's role or name",
    tags: teamTags,
    pathParams: { member_id: "The member's id." },
    body: updateTeamMemberSchema,
    responses: {
      200: { description: "The member.", schema: teamMemberSchema },
      404: "No such member.",
      409: "The last administrator cannot be demoted.",
      422: "Invalid body.",
    },
  },
  {
    method: "delete",
    path: "/api/v1/team-members/{member_id}",
    operationId: "deleteTeamMember",
    scope: "admin",
    summary: "Remove a team member (their sessions end)",
    tags: teamTags,
    pathParams: { member_id: "The member's id." },
    responses: {
      204: { description: "Removed." },
      404: "No such member.",
      409: "The last administrator cannot be removed.",
    },
  },
];
