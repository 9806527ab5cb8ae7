import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";

/**
 * Takes a transaction-scoped advisory lock named after the job: on PostgreSQL, several server processes
 * share one database and only the one that gets the lock runs the pass; the lock ends with the transaction.
 */
export async function tryJobLock(tx: Database, jobName: string): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(hashtext(${`scheduler:${jobName}`})) as locked`,
  );
  return row?.locked === true;
}
