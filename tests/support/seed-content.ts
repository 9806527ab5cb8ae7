import { getDb } from "@/db/client";
import { type Content, content, type NewContent, type NewPersona, type Persona, personas } from "@/db/schema";
import { uniqueName } from "./factories";

/** Inserts a persona straight into the database, with a unique name unless given. */
export async function seedPersona(overrides: Partial<NewPersona> = {}): Promise<Persona> {
  const db = await getDb();
  const [row] = await db
    .insert(personas)
    .values({ name: uniqueName("Persona"), ...overrides })
    .returning();
  return row;
}

/** Inserts a content item straight into the database, with a unique title unless given. */
export async function seedContent(overrides: Partial<NewContent> = {}): Promise<Content> {
  const db = await getDb();
  const [row] = await db
    .insert(content)
    .values({ title: uniqueName("Content"), content_type: "article", ...overrides })
    .returning();
  return row;
}
