import { transaction } from "@/db/client";
import { ApiError, notFound } from "@/lib/api/errors";
import { createdFields, deletedFields, diffFields } from "@/lib/audit/changes";
import { recordAudit } from "@/lib/audit/record";
import { getAuth } from "@/lib/auth/better-auth";
import {
  countTeamMembers,
  deleteTeamMemberRow,
  findTeamMemberForUpdate,
  insertTeamMemberWithPassword,
  listTeamMembers as listTeamMemberRows,
  lockFirstAdminCreation,
  lockOtherAdmins,
  type TeamMemberRow,
  updateTeamMemberRow,
} from "./queries";
import type { CreateTeamMemberInput, UpdateTeamMemberInput } from "./schemas";

/** Hashed by Better Auth's own password hasher (scrypt), so its sign-in verifies what we store. */
async function hashPassword(password: string): Promise<string> {
  const auth = await getAuth();
  return (await auth.$context).password.hash(password);
}

// What the audit log shows of a team member: never the password (it lives in auth_accounts anyway).
const auditedMemberFields = ["email", "name", "role"] as const;

/** The member row and its credential account in one transaction; a taken email is a 409. */
export async function createTeamMember(input: CreateTeamMemberInput): Promise<TeamMemberRow> {
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    const member = await insertTeamMemberWithPassword(
      { email: input.email, name: input.name, role: input.role },
      passwordHash,
      tx,
    );
    await recordAudit(tx, {
      action: "create",
      resource_type: "team_member",
      resource_id: member.id,
      changes: createdFields(member, auditedMemberFields),
    });
    return member;
  });
}

export async function listTeamMembers() {
  return { items: await listTeamMemberRows() };
}

// The team always keeps one administrator: without one, nobody could manage keys or members again.
async function assertAnotherAdmin(id: string, tx: Parameters<typeof lockOtherAdmins>[1], doing: string) {
  if ((await lockOtherAdmins(id, tx)) === 0) {
    throw new ApiError(
      "conflict",
      `Cannot ${doing} the last administrator; make another member admin first.`,
    );
  }
}

export async function updateTeamMember(id: string, patch: UpdateTeamMemberInput): Promise<TeamMemberRow> {
  return transaction(async (tx) => {
    const member = await findTeamMemberForUpdate(id, tx);
    if (!member) throw notFound("Team member", id);
    if (member.role === "admin" && patch.role && patch.role !== "admin") {
      await assertAnotherAdmin(id, tx, "demote");
    }
    const updated = await updateTeamMemberRow(id, patch, tx);
    await recordAudit(tx, {
      action: "update",
      resource_type: "team_member",
      resource_id: id,
      changes: diffFields(member, updated, auditedMemberFields),
    });
    return updated;
  });
}

export async function deleteTeamMember(id: string): Promise<void> {
  await transaction(async (tx) => {
    const member = await findTeamMemberForUpdate(id, tx);
    if (!member) throw notFound("Team member", id);
    if (member.role === "admin") await assertAnotherAdmin(id, tx, "delete");
    await deleteTeamMemberRow(id, tx);
    await recordAudit(tx, {
      action: "delete",
      resource_type: "team_member",
      resource_id: id,
      changes: deletedFields(member, auditedMemberFields),
    });
  });
}

/**
 * The first administrator (ADMIN_EMAIL/ADMIN_PASSWORD at start, `npm run admin:create`): created only while the
 * team has no member, so running it again changes nothing. Returns whether it created one.
 */
export async function ensureFirstAdmin(email: string, password: string): Promise<boolean> {
  if ((await countTeamMembers()) > 0) return false;
  const passwordHash = await hashPassword(password);
  return transaction(async (tx) => {
    // Serialises two starts racing on one database: the second sees the first's admin.
    await lockFirstAdminCreation(tx);
    if ((await countTeamMembers(tx)) > 0) return false;
    await insertTeamMemberWithPassword(
      { email: email.toLowerCase(), name: "Administrator", role: "admin" },
      passwordHash,
      tx,
    );
    return true;
  });
}
