import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { authAccounts, type TeamMember, teamMembers } from "@/db/schema";

const memberColumns = {
  id: teamMembers.id,
  email: teamMembers.email,
  name: teamMembers.name,
  role: teamMembers.role,
  created_at: teamMembers.created_at,
  updated_at: teamMembers.updated_at,
};

export type TeamMemberRow = Pick<TeamMember, keyof typeof memberColumns>;

/** A team member and the credential account Better Auth signs them in with (the password's hash). */
export async function insertTeamMemberWithPassword(
  member: { email: string; name: string; role: TeamMember["role"] },
  passwordHash: string,
  db?: Database,
): Promise<TeamMemberRow> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .insert(teamMembers)
    .values({ ...member, email_verified: true })
    .returning(memberColumns);
  await executor
    .insert(authAccounts)
    .values({ user_id: row.id, account_id: row.id, provider_id: "credential", password: passwordHash });
  return row;
}

export async function listTeamMembers(db?: Database): Promise<TeamMemberRow[]> {
  const executor = await dbOrDefault(db);
  return executor
    .select(memberColumns)
    .from(teamMembers)
    .orderBy(asc(teamMembers.created_at), asc(teamMembers.id));
}

export async function countTeamMembers(db?: Database): Promise<number> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.select({ n: count() }).from(teamMembers);
  return row.n;
}

/** Locks the member row (and, through the caller's transaction, keeps the admin count stable). */
export async function findTeamMemberForUpdate(id: string, db: Database): Promise<TeamMemberRow | undefined> {
  const [row] = await db.select(memberColumns).from(teamMembers).where(eq(teamMembers.id, id)).for("update");
  return row;
}

export async function findTeamMember(id: string, db?: Database): Promise<TeamMemberRow | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.select(memberColumns).from(teamMembers).where(eq(teamMembers.id, id));
  return row;
}

/** Other admins, locked: two concurrent demotions cannot both see the other as the remaining admin. */
export async function lockOtherAdmins(id: string, db: Database): Promise<number> {
  const rows = await db
    .select({ id: teamMembers.id })
    .from(teamMembers)
    .where(and(eq(teamMembers.role, "admin"), ne(teamMembers.id, id)))
    .orderBy(asc(teamMembers.id))
    .for("update");
  return rows.length;
}

export async function updateTeamMemberRow(
  id: string,
  patch: Partial<Pick<TeamMember, "role" | "name">>,
  db?: Database,
): Promise<TeamMemberRow> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .update(teamMembers)
    .set({ ...patch, updated_at: sql`now()` })
    .where(eq(teamMembers.id, id))
    .returning(memberColumns);
  return row;
}

/** Its sessions and accounts go with it (foreign keys on delete cascade). */
export async function deleteTeamMemberRow(id: string, db?: Database): Promise<void> {
  const executor = await dbOrDefault(db);
  await executor.delete(teamMembers).where(eq(teamMembers.id, id));
}

/** Serialises the first-admin check of two processes starting on one database. */
export async function lockFirstAdminCreation(db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('team_members:first_admin'))`);
}
