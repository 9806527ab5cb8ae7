import "server-only";
import { eq } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import { personas } from "@/db/schema";

export async function personaExists(id: string, db?: Database): Promise<boolean> {
  const executor = db ?? (await getDb());
  const rows = await executor.select({ id: personas.id }).from(personas).where(eq(personas.id, id)).limit(1);
  return rows.length > 0;
}
