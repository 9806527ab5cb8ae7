import "server-only";
import type { BackgroundJob } from "@/db/schema";
import { finishJob, markJobRunning, setJobProgress } from "./queries";

export interface JobContext {
  /** Records progress (0–1); also the job's heartbeat. */
  setProgress: (progress: number) => Promise<void>;
  /** True once the server is shutting down: stop at the next safe point by throwing `JobInterrupted`. */
  shouldStop: () => boolean;
}

export class JobInterrupted extends Error {
  constructor() {
    super("The server shut down before the job finished; start it again.");
    this.name = "JobInterrupted";
  }
}

interface RunnerState {
  stopping: boolean;
  running: Map<string, Promise<void>>;
}

const globalForJobs = globalThis as unknown as { audienceSegmentsJobs?: RunnerState };

function state(): RunnerState {
  globalForJobs.audienceSegmentsJobs ??= { stopping: false, running: new Map() };
  return globalForJobs.audienceSegmentsJobs;
}

/** Why a job failed, in words for its `error` field: no SQL, no parameters. */
function describeFailure(error: unknown): string {
  if (error instanceof JobInterrupted) return error.message;
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  if (code === "57014") return "The job took longer than the statement timeout (JOB_STATEMENT_TIMEOUT_MS).";
  if (error instanceof Error && error.name === "JobFailure") return error.message;
  return "The job failed unexpectedly; the server log has the details.";
}

/** A failure whose message is meant for the job's reader. */
export class JobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobFailure";
  }
}

/**
 * Runs `work` for a queued job in this process, after the current request has been answered. The job
 * row follows it: running, progress, then succeeded with the result or failed with a reason.
 */
export function runInBackground(
  job: BackgroundJob,
  work: (context: JobContext) => Promise<Record<string, unknown>>,
): Promise<void> {
  const s = state();
  const context: JobContext = {
    setProgress: (progress) => setJobProgress(job.id, progress),
    shouldStop: () => s.stopping,
  };
  const run = (async () => {
    // Let the request that queued the job answer first.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      if (s.stopping) throw new JobInterrupted();
      await markJobRunning(job.id);
      const result = await work(context);
      await finishJob(job.id, { result });
    } catch (error) {
      if (!(error instanceof JobInterrupted) && !(error instanceof JobFailure)) {
        const code = (error as { code?: string }).code;
        console.error(`Background job ${job.id} (${job.kind}) failed${code ? ` (SQLSTATE ${code})` : ""}`);
      }
      await finishJob(job.id, { error: describeFailure(error) }).catch(() => {});
    } finally {
      s.running.delete(job.id);
    }
  })();
  s.running.set(job.id, run);
  return run;
}

/** Asks running jobs to stop at their next batch and waits for them, at most `timeoutMs`. */
export async function stopBackgroundJobs(timeoutMs: number): Promise<boolean> {
  const s = state();
  s.stopping = true;
  if (s.running.size === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const done = Promise.allSettled([...s.running.values()]).then(() => true as const);
  const finished = await Promise.race([done, timeout]);
  clearTimeout(timer);
  return finished;
}
