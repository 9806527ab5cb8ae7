import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, raiseStatementTimeoutForJob, transaction } from "@/db/client";
import { handleApiError } from "@/lib/api/errors";

// PostgreSQL enforces statement_timeout; PGlite cannot (its backend runs on the JavaScript thread, where no
// timer can interrupt it), so there the guard is the bounded refresh slices tested in refresh-jobs.test.ts.
describe.runIf(process.env.DATABASE_URL)("statement timeout on PostgreSQL", () => {
  beforeAll(async () => {
    await closeDb();
    process.env.STATEMENT_TIMEOUT_MS = "300";
    process.env.JOB_STATEMENT_TIMEOUT_MS = "5000";
  });

  it("cancels an API statement that runs longer, answered 503 problem+json", async () => {
    const db = await getDb();
    const error = await db.execute(sql`select pg_sleep(1)`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    const res = handleApiError(error, "/api/v1/segments/estimate");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toMatch(/statement timeout/);
  });

  it("gives a job's transaction the longer job limit, and only that transaction", async () => {
    await transaction(async (tx) => {
      await raiseStatementTimeoutForJob(tx);
      await tx.execute(sql`select pg_sleep(0.6)`);
    });
    const db = await getDb();
    await expect(db.execute(sql`select pg_sleep(0.6)`)).rejects.toBeDefined();
    delete process.env.STATEMENT_TIMEOUT_MS;
    delete process.env.JOB_STATEMENT_TIMEOUT_MS;
  });
});
