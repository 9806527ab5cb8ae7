import "server-only";
import { readEnv } from "@/lib/env";
import { getConnection } from "./client";
import { seedDemoDataIfEmpty } from "./seed/demo";

/** Applies migrations and, unless SEED_DEMO_DATA=false, loads the demo data into an empty database. */
export async function prepareDatabase(): Promise<void> {
  const { db, driver } = await getConnection();
  if (!readEnv().SEED_DEMO_DATA) return;
  const seeded = await seedDemoDataIfEmpty(db);
  if (seeded) console.log(`Loaded the demo data into the ${driver} database.`);
}
