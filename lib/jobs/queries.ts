import "server-only";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { type BackgroundJob, backgroundJobs } from "@/db/schema";
import type { ListJobsQuery } from "./schemas";

export async function insertJob(
  values: { kind: string; segment_id: string | null },
  db?: Database,
): Promise<BackgroundJob> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.insert(backgroundJobs).values(values).returning();
  return row;
}

export async function findJob(id: string, db?: Database): Promise<BackgroundJob | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor.select().from(backgroundJobs).where(eq(backgroundJobs.id, id)).limit(1);
  return row;
}

/** The segment's job of this kind that has not finished, if any (newest first). */
export async function findActiveJob(
  kind: string,
  segmentId: string,
  db?: Database,
): Promise<BackgroundJob | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .select()
    .from(backgroundJobs)
    .where(
      and(
        eq(backgroundJobs.kind, kind),
        eq(backgroundJobs.segment_id, segmentId),
        inArray(backgroundJobs.status, ["queued", "running"]),
      ),
    )
    .orderBy(desc(backgroundJobs.created_at))
    .limit(1);
  return row;
}

export async function listJobs(query: ListJobsQuery, db?: Database): Promise<BackgroundJob[]> {
  const executor = await dbOrDefault(db);
  return executor
    .select()
    .from(backgroundJobs)
    .where(
      and(
        query.segment_id ? eq(backgroundJobs.segment_id, query.segment_id) : undefined,
        query.status ? eq(backgroundJobs.status, query.status) : undefined,
      ),
    )
    .orderBy(desc(backgroundJobs.created_at), desc(backgroundJobs.id))
    .limit(query.limit);
}

export async function markJobRunning(id: string, db?: Database): Promise<void> {
  const executor = await dbOrDefault(db);
  await executor
    .update(backgroundJobs)
    .set({ status: "running", started_at: sql`now()` })
    .where(eq(backgroundJobs.id, id));
}

export async function setJobProgress(id: string, progress: number, db?: Database): Promise<void> {
  const executor = await dbOrDefault(db);
  await executor
    .update(backgroundJobs)
    .set({ progress: Math.min(1, Math.max(0, progress)) })
    .where(eq(backgroundJobs.id, id));
}

export async function finishJob(
  id: string,
  outcome: { result: Record<string, unknown> } | { error: string },
  db?: Database,
): Promise<void> {
  const executor = await dbOrDefault(db);
  await executor
    .update(backgroundJobs)
    .set(
      "result" in outcome
        ? { status: "succeeded", progress: 1, result: outcome.result, finished_at: sql`now()` }
        : { status: "failed", error: outcome.error, finished_at: sql`now()` },
    )
    .where(eq(backgroundJobs.id, id));
}

// A constant, not inline: the writes-have-where source test reads a statement up to its first ";".
const abandonedMessage = "The server stopped before the job finished; start it again.";

/**
 * Fails the unfinished jobs whose process is gone: no heartbeat (progress update) for `staleAfterMs`.
 * Jobs run in the process that accepted them and do not survive it.
 */
export async function failAbandonedJobs(staleAfterMs: number, db?: Database): Promise<number> {
  const executor = await dbOrDefault(db);
  const rows = await executor
    .update(backgroundJobs)
    .set({
      status: "failed",
      error: abandonedMessage,
      finished_at: sql`now()`,
    })
    .where(
      and(
        inArray(backgroundJobs.status, ["queued", "running"]),
        lt(backgroundJobs.updated_at, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`),
      ),
    )
    .returning({ id: backgroundJobs.id });
  return rows.length;
}
