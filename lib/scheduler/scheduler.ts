import "server-only";
import { type Database, raiseStatementTimeoutForJob, transaction } from "@/db/client";
import { tryJobLock } from "./queries";

export interface ScheduledJob {
  name: string;
  /** Seconds between the end of one pass and the start of the next. */
  intervalSeconds: number;
  /** One pass, inside a transaction that holds the job's lock. */
  run: (tx: Database) => Promise<void>;
}

export type JobOutcome = "ran" | "skipped";

/** Runs one pass of `job` unless another process holds its lock. Tests call this directly. */
export async function runJobOnce(job: ScheduledJob): Promise<JobOutcome> {
  return transaction(async (tx) => {
    if (!(await tryJobLock(tx, job.name))) return "skipped";
    await raiseStatementTimeoutForJob(tx);
    await job.run(tx);
    return "ran";
  });
}

const globalForScheduler = globalThis as unknown as { audienceSegmentsScheduler?: { stop: () => void } };

/**
 * Starts every job on its interval inside the server process. A pass never overlaps the previous one of
 * the same job (the next is scheduled only when it ends), and a failed pass is logged, not fatal.
 * `runPass` is runJobOnce (a transaction holding the job's lock); tests of the timing pass their own.
 */
export function startScheduler(
  jobs: ScheduledJob[],
  runPass: (job: ScheduledJob) => Promise<unknown> = runJobOnce,
): { stop: () => void } {
  globalForScheduler.audienceSegmentsScheduler?.stop();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  const schedule = (job: ScheduledJob) => {
    if (stopped || job.intervalSeconds <= 0) return;
    const timer = setTimeout(async () => {
      try {
        await runPass(job);
      } catch (error) {
        const code = (error as { code?: string }).code;
        console.error(`Scheduled job ${job.name} failed${code ? ` (SQLSTATE ${code})` : ""}`);
      }
      schedule(job);
    }, job.intervalSeconds * 1000);
    // The scheduler never keeps a process alive on its own.
    timer.unref();
    timers.set(job.name, timer);
  };
  for (const job of jobs) schedule(job);
  const handle = {
    stop: () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
  globalForScheduler.audienceSegmentsScheduler = handle;
  return handle;
}
