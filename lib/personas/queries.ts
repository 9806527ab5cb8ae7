import "server-only";
import { asc, count, desc, eq, getTableColumns, ilike, or } from "drizzle-orm";
import { boundedJson } from "@/db/bounded-json";
import { type Database, dbOrDefault } from "@/db/client";
import { escapeLike, type Page, readPage } from "@/db/rows";
import { type NewPersona, type Persona, personas } from "@/db/schema";
import type { ListPersonasQuery, UpdatePersonaInput } from "./schemas";

export async function personaExists(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor.select({ id: personas.id }).from(personas).where(eq(personas.id, id)).limit(1);
  return rows.length > 0;
}

export async function insertPersona(values: NewPersona, db?: Database): Promise<Persona> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.insert(personas).values(values).returning();
  return row;
}

/** The persona under a row lock, so that an update's audit diff is exact under concurrent writes. */
export async function lockPersona(id: string, tx: Database): Promise<Persona | undefined> {
  const [row] = await tx.select().from(personas).where(eq(personas.id, id)).for("update");
  return row;
}

export async function findPersona(id: string, db?: Database): Promise<Persona | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.select().from(personas).where(eq(personas.id, id)).limit(1);
  return row;
}

export async function listPersonas(query: ListPersonasQuery, db?: Database): Promise<Page<Persona>> {
  const executor = await dbOrDefault(db);
  const pattern = query.search ? `%${escapeLike(query.search)}%` : undefined;
  const where = pattern ? or(ilike(personas.name, pattern), ilike(personas.description, pattern)) : undefined;
  return readPage(
    query,
    executor
      .select({
        ...getTableColumns(personas),
        attributes: boundedJson<Record<string, unknown>>(personas.attributes),
      })
      .from(personas)
      .where(where)
      .orderBy(asc(personas.name), desc(personas.created_at), asc(personas.id))
      .limit(query.limit)
      .offset(query.offset),
    executor.select({ total: count() }).from(personas).where(where),
  );
}

export async function updatePersona(
  id: string,
  values: UpdatePersonaInput,
  db?: Database,
): Promise<Persona | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .update(personas)
    .set({ ...values, updated_at: new Date() })
    .where(eq(personas.id, id))
    .returning();
  return row;
}

/** Segments and content of the persona stay, with persona_id set to null (ON DELETE SET NULL). */
export async function deletePersona(id: string, db?: Database): Promise<boolean> {
  const executor = await dbOrDefault(db);
  const rows = await executor.delete(personas).where(eq(personas.id, id)).returning({ id: personas.id });
  return rows.length > 0;
}
