import { z } from "zod";

const milliseconds = z.coerce.number().int().min(0).max(86_400_000);

const envSchema = z.object({
  /** A PostgreSQL server (postgres.js). Without it the app uses the embedded PGlite database. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Where PGlite keeps its files; `memory://` keeps nothing. */
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** A snapshot (tar) that an in-memory PGlite starts from; set by the test setup. */
  PGLITE_TEMPLATE: z.string().min(1).optional(),
  /** Seconds between two passes of the experiments job (bandit re-allocation, auto-promotion); 0 turns it off. */
  BANDIT_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Seconds between two retrainings of the conversion-propensity model (lib/propensity); 0 turns it off. */
  PROPENSITY_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(86_400),
  /** Load the demo data into an empty database at start. */
  SEED_DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /**
   * PostgreSQL cancels an API statement that runs longer (SQLSTATE 57014, answered 503). PGlite cannot
   * (see README, "The embedded database"): there, big refreshes run in bounded batches instead.
   */
  STATEMENT_TIMEOUT_MS: milliseconds.default(30_000),
  /** The same limit for the statements of background jobs and scheduled jobs, which may run longer. */
  JOB_STATEMENT_TIMEOUT_MS: milliseconds.default(600_000),
  /** A refresh of a segment with at least this many users to scan or members runs as a background job. */
  REFRESH_ASYNC_MIN_USERS: z.coerce.number().int().min(1).default(20_000),
  /** Users evaluated per transaction by a background refresh: bounds how long one statement holds the database. */
  REFRESH_BATCH_SIZE: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  /** Membership events and content performance snapshots older than this many days are deleted. */
  RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish before the database is closed. */
  SHUTDOWN_DRAIN_MS: milliseconds.default(10_000),
});

export type Env = z.infer<typeof envSchema>;

/** Read at call time, not import time, so that tests and scripts can point the app at their own database. */
export function readEnv(): Env {
  const parsed = envSchema.safeParse({
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR || undefined,
    PGLITE_TEMPLATE: process.env.PGLITE_TEMPLATE || undefined,
    SEED_DEMO_DATA: process.env.SEED_DEMO_DATA || undefined,
    BANDIT_INTERVAL_SECONDS: process.env.BANDIT_INTERVAL_SECONDS || undefined,
    PROPENSITY_INTERVAL_SECONDS: process.env.PROPENSITY_INTERVAL_SECONDS || undefined,
    STATEMENT_TIMEOUT_MS: process.env.STATEMENT_TIMEOUT_MS || undefined,
    JOB_STATEMENT_TIMEOUT_MS: process.env.JOB_STATEMENT_TIMEOUT_MS || undefined,
    REFRESH_ASYNC_MIN_USERS: process.env.REFRESH_ASYNC_MIN_USERS || undefined,
    REFRESH_BATCH_SIZE: process.env.REFRESH_BATCH_SIZE || undefined,
    RETENTION_DAYS: process.env.RETENTION_DAYS || undefined,
    SHUTDOWN_DRAIN_MS: process.env.SHUTDOWN_DRAIN_MS || undefined,
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${fields.join("; ")}`);
  }
  return parsed.data;
}
