import { z } from "zod";
import { teamRoles } from "@/db/schema";
import { timestamp } from "@/lib/api/schemas";

export const teamRoleSchema = z.enum(teamRoles);

const email = z
  .email()
  .max(320)
  .transform((value) => value.toLowerCase());
// Better Auth's limits for email-and-password accounts (lib/auth/better-auth.ts).
export const passwordSchema = z.string().min(8).max(128);

export const createTeamMemberSchema = z
  .object({
    email,
    name: z.string().trim().min(1).max(200),
    password: passwordSchema,
    role: teamRoleSchema.default("viewer"),
  })
  .strict()
  .meta({
    id: "TeamMemberCreate",
    examples: [{ email: "ana@example.com", name: "Ana", password: "a long passphrase", role: "editor" }],
  });

export const updateTeamMemberSchema = z
  .object({ role: teamRoleSchema, name: z.string().trim().min(1).max(200) })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "At least one field must be given" })
  .meta({ id: "TeamMemberUpdate", examples: [{ role: "viewer" }] });

export const teamMemberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: teamRoleSchema,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "TeamMember" });

export const teamMemberListSchema = z
  .object({ items: z.array(teamMemberSchema) })
  .meta({ id: "TeamMemberList" });

export type CreateTeamMemberInput = z.infer<typeof createTeamMemberSchema>;
export type UpdateTeamMemberInput = z.infer<typeof updateTeamMemberSchema>;
