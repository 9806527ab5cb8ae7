import "server-only";
import type { Database } from "../client";

/** Loads the demo data when the database has no segments yet; answers whether it did. */
export async function seedDemoDataIfEmpty(_db: Database): Promise<boolean> {
  return false;
}
