import "server-only";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client";

/** Runs raw SQL and returns its rows: postgres.js answers an array, PGlite an object with `rows`. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}
