import { z } from "zod";

const envSchema = z.object({
  /** A PostgreSQL server (postgres.js). Without it the app uses the embedded PGlite database. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Where PGlite keeps its files; `memory://` keeps nothing. */
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** A snapshot (tar) that an in-memory PGlite starts from; set by the test setup. */
  PGLITE_TEMPLATE: z.string().min(1).optional(),
  /** Seconds between two passes of the experiments job (bandit re-allocation, auto-promotion); 0 turns it off. */
  BANDIT_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Load the demo data into an empty database at start. */
  SEED_DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
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
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${fields.join("; ")}`);
  }
  return parsed.data;
}
