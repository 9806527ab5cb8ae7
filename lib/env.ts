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
  /**
   * Issue 13: seconds between two passes that re-evaluate the dynamic segments whose criteria depend on
   * time (last_active_days, within_days, last_seen_days, first_seen_days); 0 turns it off.
   */
  SEGMENT_REFRESH_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
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
  /** Where the server listens (`npm start` passes it to `next start -H`); decides the default AUTH_MODE. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** `local`: no credentials (only this machine can connect); `required`: an API key or a session. */
  AUTH_MODE: z.enum(["local", "required"]).optional(),
  /** Signs session cookies; required mode needs one of at least 32 characters. */
  AUTH_SECRET: z.string().optional(),
  /** Requests one API key may make in a minute before 429. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Failed sign-ins per account, and per address, in 15 minutes before 429. */
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  /** The first administrator, created at start when the team has no member yet. */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
  /** In `required` mode, allow webhook URLs that resolve to private or loopback addresses. */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** A webhook delivery that keeps failing is marked failed after this many hours of retries (3 days). */
  WEBHOOK_RETRY_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .default(72),
  /** How long one delivery attempt may take before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Pause between two passes of the webhook dispatcher; 0 turns it off. */
  WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
});

const loopbackHosts = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);

/** Only this machine can reach a server listening on a loopback address (any of 127.0.0.0/8). */
export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

// The mode follows from HOST unless it is set, and two combinations are refused outright: an open server
// on the network, and sessions signed with a guessable secret.
const envWithAuthMode = envSchema
  .transform((env) => ({
    ...env,
    AUTH_MODE: env.AUTH_MODE ?? (isLoopbackHost(env.HOST) ? "local" : "required"),
  }))
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE === "local" && !isLoopbackHost(env.HOST)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_MODE"],
        message: `AUTH_MODE=local would let anyone who can reach HOST=${env.HOST} read and change everything without credentials; use AUTH_MODE=required (with AUTH_SECRET) or a loopback HOST such as 127.0.0.1`,
      });
    }
    if (env.AUTH_MODE === "required" && (env.AUTH_SECRET ?? "").length < 32) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: `AUTH_MODE=required needs AUTH_SECRET of at least 32 characters (it signs the session cookies), e.g. the output of \`openssl rand -base64 32\`; ${env.AUTH_SECRET ? "the one given is too short" : "none is set"}`,
      });
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"],
        message: "ADMIN_EMAIL and ADMIN_PASSWORD go together: set both to create the first administrator",
      });
    }
  });

export type Env = z.output<typeof envWithAuthMode>;

/** Read at call time, not import time, so that tests and scripts can point the app at their own database. */
export function readEnv(): Env {
  const parsed = envWithAuthMode.safeParse({
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR || undefined,
    PGLITE_TEMPLATE: process.env.PGLITE_TEMPLATE || undefined,
    SEED_DEMO_DATA: process.env.SEED_DEMO_DATA || undefined,
    BANDIT_INTERVAL_SECONDS: process.env.BANDIT_INTERVAL_SECONDS || undefined,
    SEGMENT_REFRESH_INTERVAL_SECONDS: process.env.SEGMENT_REFRESH_INTERVAL_SECONDS || undefined,
    PROPENSITY_INTERVAL_SECONDS: process.env.PROPENSITY_INTERVAL_SECONDS || undefined,
    STATEMENT_TIMEOUT_MS: process.env.STATEMENT_TIMEOUT_MS || undefined,
    JOB_STATEMENT_TIMEOUT_MS: process.env.JOB_STATEMENT_TIMEOUT_MS || undefined,
    REFRESH_ASYNC_MIN_USERS: process.env.REFRESH_ASYNC_MIN_USERS || undefined,
    REFRESH_BATCH_SIZE: process.env.REFRESH_BATCH_SIZE || undefined,
    RETENTION_DAYS: process.env.RETENTION_DAYS || undefined,
    SHUTDOWN_DRAIN_MS: process.env.SHUTDOWN_DRAIN_MS || undefined,
    HOST: process.env.HOST || undefined,
    AUTH_MODE: process.env.AUTH_MODE || undefined,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    API_RATE_LIMIT_PER_MINUTE: process.env.API_RATE_LIMIT_PER_MINUTE || undefined,
    SIGN_IN_MAX_FAILURES: process.env.SIGN_IN_MAX_FAILURES || undefined,
    ADMIN_EMAIL: process.env.ADMIN_EMAIL || undefined,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || undefined,
    WEBHOOK_ALLOW_PRIVATE: process.env.WEBHOOK_ALLOW_PRIVATE || undefined,
    WEBHOOK_RETRY_HOURS: process.env.WEBHOOK_RETRY_HOURS || undefined,
    WEBHOOK_TIMEOUT_MS: process.env.WEBHOOK_TIMEOUT_MS || undefined,
    WEBHOOK_DISPATCH_INTERVAL_MS: process.env.WEBHOOK_DISPATCH_INTERVAL_MS || undefined,
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${fields.join("; ")}`);
  }
  return parsed.data;
}
