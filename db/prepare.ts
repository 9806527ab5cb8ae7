import "server-only";
import { readEnv } from "@/lib/env";
import { failAbandonedJobs } from "@/lib/jobs/queries";
import { getConnection } from "./client";
import { initializeDatabaseOnce } from "./seed/demo";

/**
 * Applies migrations; the first time a database is seen, marks it as set up and (unless SEED_DEMO_DATA=false)
 * loads the demo data into it when empty; fails the background jobs a stopped process left unfinished.
 */
export async function prepareDatabase(): Promise<void> {
  const env = readEnv();
  const { db, driver } = await getConnection();
  const seeded = await initializeDatabaseOnce(db, env.SEED_DEMO_DATA);
  if (seeded) console.log(`Loaded the demo data into the ${driver} database.`);
  // PGlite has one process (the folder lock), so whatever is unfinished is abandoned; on PostgreSQL other
  // processes may be running jobs, so only those without a heartbeat for a job statement's time are.
  const abandoned = await failAbandonedJobs(driver === "pglite" ? 0 : env.JOB_STATEMENT_TIMEOUT_MS, db);
  if (abandoned > 0) console.log(`Marked ${abandoned} unfinished background jobs as failed.`);
}
