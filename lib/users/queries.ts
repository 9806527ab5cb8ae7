import "server-only";
import { and, asc, count, eq, getTableColumns, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import { boundedJson } from "@/db/bounded-json";
import { type Database, dbOrDefault } from "@/db/client";
import { escapeLike, type Page, queryRows, readPage } from "@/db/rows";
import { type User, users } from "@/db/schema";
import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from "./schemas";

/** The columns of userSummarySchema. */
export const userSummaryColumns = {
  id: users.id,
  email: users.email,
  external_id: users.external_id,
  name: users.name,
  age: users.age,
  location: users.location,
  gender: users.gender,
  engagement_level: users.engagement_level,
};

/**
 * Inserts any number of users with one INSERT … SELECT FROM unnest(…), one array parameter per column:
 * 10,000 users would need ~170,000 bind parameters as a VALUES list, past PostgreSQL's limit of 65,535, and
 * arrays are read about twice as fast as the same rows in one JSON document (jsonb_to_recordset). The ids are
 * drawn here, so the rows are answered in input order however the insert returns them. A clash on email or
 * external_id fails the statement with the unique index's 23505, which the caller explains.
 */
export async function insertUsers(values: CreateUserInput[], db?: Database): Promise<User[]> {
  if (values.length === 0) return [];
  const executor = await dbOrDefault(db);
  const ids = values.map(() => crypto.randomUUID());
  const column = <T extends string | number | null>(pick: (value: CreateUserInput) => T) =>
    arrayLiteral(values.map(pick));
  // A text[] per row travels as one element (its own literal) and is cast after unnest, which would
  // flatten a two-dimensional array.
  const tags = (pick: (value: CreateUserInput) => string[]) =>
    arrayLiteral(values.map((value) => arrayLiteral(pick(value))));
  // With a raw SELECT, drizzle lists every column of the table in schema order; a new profile has no
  // conversion_propensity until the propensity model scores it.
  const rows = await executor
    .insert(users)
    .select(
      sql`select r.id, r.external_id, r.email, r.name, r.age, r.location, r.gender, r.interests::text[],
        r.purchase_count, r.total_spent, r.engagement_level, r.engagement_frequency, r.avg_session_duration,
        r.last_active_at, r.interaction_score, r.content_preferences::text[], null::float8, r.traits::jsonb,
        now(), now()
        from unnest(${arrayLiteral(ids)}::uuid[], ${column((v) => v.external_id)}::varchar[],
          ${column((v) => v.email)}::varchar[], ${column((v) => v.name)}::varchar[], ${column((v) => v.age)}::int[],
          ${column((v) => v.location)}::varchar[], ${column((v) => v.gender)}::varchar[],
          ${tags((v) => v.interests)}::text[], ${column((v) => v.purchase_count)}::int[],
          ${column((v) => v.total_spent)}::numeric[], ${column((v) => v.engagement_level)}::varchar[],
          ${column((v) => v.engagement_frequency)}::varchar[], ${column((v) => v.avg_session_duration)}::int[],
          ${column((v) => v.last_active_at?.toISOString() ?? null)}::timestamptz[],
          ${column((v) => v.interaction_score)}::float8[], ${tags((v) => v.content_preferences)}::text[],
          ${column((v) => JSON.stringify(v.traits))}::text[])
        as r(id, external_id, email, name, age, location, gender, interests, purchase_count, total_spent,
          engagement_level, engagement_frequency, avg_session_duration, last_active_at, interaction_score,
          content_preferences, traits)`,
    )
    .returning();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) as User);
}

/** The emails and external ids among those given that belong to users other than `exceptId`. */
export async function findTakenIdentifiers(
  identifiers: { emails: string[]; externalIds: string[] },
  exceptId?: string,
  db?: Database,
): Promise<{ emails: Set<string>; externalIds: Set<string> }> {
  const executor = await dbOrDefault(db);
  if (identifiers.emails.length === 0 && identifiers.externalIds.length === 0) {
    return { emails: new Set(), externalIds: new Set() };
  }
  const rows = await queryRows<{ email: string | null; external_id: string | null }>(
    executor,
    sql`select u.email, u.external_id from users u
      where (u.email in (select jsonb_array_elements_text(${JSON.stringify(identifiers.emails)}::jsonb))
        or u.external_id in (select jsonb_array_elements_text(${JSON.stringify(identifiers.externalIds)}::jsonb)))
        and u.id is distinct from ${exceptId ?? null}::uuid`,
  );
  const emails = new Set(identifiers.emails);
  const externalIds = new Set(identifiers.externalIds);
  return {
    emails: new Set(rows.flatMap((row) => (row.email && emails.has(row.email) ? [row.email] : []))),
    externalIds: new Set(
      rows.flatMap((row) => (row.external_id && externalIds.has(row.external_id) ? [row.external_id] : [])),
    ),
  };
}

export async function findUser(id: string, db?: Database): Promise<User | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function listUsers(query: ListUsersQuery, db?: Database): Promise<Page<User>> {
  const executor = await dbOrDefault(db);
  const conditions: SQL[] = [];
  if (query.location) conditions.push(eq(users.location, query.location));
  if (query.engagement_level) conditions.push(eq(users.engagement_level, query.engagement_level));
  if (query.min_age !== undefined) conditions.push(gte(users.age, query.min_age));
  if (query.max_age !== undefined) conditions.push(lte(users.age, query.max_age));
  // `@>` with a one-element array can use the GIN index on interests.
  if (query.interest) conditions.push(sql`${users.interests} @> array[${query.interest}]::text[]`);
  // Exact lookups (both columns are unique, so at most one row) for clients that know an identifier.
  if (query.email) conditions.push(eq(users.email, query.email));
  if (query.external_id) conditions.push(eq(users.external_id, query.external_id));
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    const match = or(
      ilike(users.email, pattern),
      ilike(users.name, pattern),
      ilike(users.external_id, pattern),
    );
    if (match) conditions.push(match);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const descending = query.sort.startsWith("-");
  const column = users[query.sort.replace(/^-/, "") as keyof User];
  const order = descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  return readPage(
    query,
    executor
      .select({ ...getTableColumns(users), traits: boundedJson<Record<string, unknown>>(users.traits) })
      .from(users)
      .where(where)
      .orderBy(order, asc(users.id))
      .limit(query.limit)
      .offset(query.offset),
    executor.select({ total: count() }).from(users).where(where),
  );
}

export async function updateUser(
  id: string,
  values: UpdateUserInput,
  db?: Database,
): Promise<User | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .update(users)
    .set({ ...values, updated_at: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** Locks the user row until the transaction ends, so that an update and a delete cannot interleave. */
export async function lockUser(id: string, tx: Database): Promise<User | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1).for("update");
  return row;
}

export async function deleteUser(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor.delete(users).where(eq(users.id, id)).returning({ id: users.id });
  return rows.length > 0;
}
