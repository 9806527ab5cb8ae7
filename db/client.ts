import "server-only";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type ExtractTablesWithRelations, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { readEnv } from "@/lib/env";
import { lockDataDir } from "./data-dir-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers' databases, and their transactions, are this type. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DriverName = "pglite" | "postgres";

/** The driver's own client rides along, for what drizzle does not expose (COPY; db/copy-csv.ts). */
type Connection = {
  db: Database;
  close: () => Promise<void>;
  /** Checks that the database answers; resolves with its version. */
  probe: () => Promise<string | undefined>;
} & ({ driver: "postgres"; client: postgres.Sql } | { driver: "pglite"; client: PGlite });

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** How long PGlite may keep the thread through consecutive protocol messages before it lets I/O in. */
const PGLITE_YIELD_AFTER_MS = 20;

/**
 * PGlite runs each protocol message synchronously on the server's thread, and its promises resolve as
 * microtasks: a request's statements, one after another, never let the event loop reach I/O, so /health
 * and every other request waited for all of them (a maximal dynamic create held it for its whole length).
 * This lets pending I/O run between messages once the thread has been busy for PGLITE_YIELD_AFTER_MS, so a
 * wait is bounded by the longest single statement; PGlite's own lock still runs one query at a time.
 */
class YieldingPGlite extends PGlite {
  #lastYield = performance.now();

  override async execProtocolRaw(...args: Parameters<PGlite["execProtocolRaw"]>) {
    if (performance.now() - this.#lastYield > PGLITE_YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.#lastYield = performance.now();
    }
    return super.execProtocolRaw(...args);
  }
}

// One connection per process, kept across hot reloads: two PGlite instances on one data folder corrupt it.
const globalForDb = globalThis as unknown as {
  audienceSegmentsDb?: Promise<Connection>;
  /** Set once the process is shutting down: the database is not opened again. */
  audienceSegmentsDbClosedForGood?: boolean;
};

async function connect(): Promise<Connection> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, {
      max: 10,
      onnotice: () => {},
      // Every session starts with the API's limit; jobs raise it for their own transaction (jobStatementTimeout).
      connection: { statement_timeout: env.STATEMENT_TIMEOUT_MS },
    });
    const db = drizzlePostgres({ client, schema }) as unknown as Database;
    await migrateWithoutTimeout(env.DATABASE_URL);
    const probe = async () => {
      const [row] = await client`show server_version`;
      return (row as { server_version?: string } | undefined)?.server_version;
    };
    return { db, driver: "postgres", client, close: () => client.end(), probe };
  }
  const inMemory = env.PGLITE_DATA_DIR.startsWith("memory://");
  if (!inMemory) mkdirSync(env.PGLITE_DATA_DIR, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataDir(env.PGLITE_DATA_DIR);
  // Tests start each in-memory database from a migrated snapshot: loading it is several times faster than initdb.
  const template =
    inMemory && env.PGLITE_TEMPLATE ? new Blob([readFileSync(env.PGLITE_TEMPLATE)]) : undefined;
  let client: PGlite | undefined;
  try {
    // pg_trgm serves the members search (migration 0004 creates the extension and its indexes).
    client = new YieldingPGlite(env.PGLITE_DATA_DIR, {
      extensions: { pg_trgm },
      ...(template ? { loadDataDir: template } : {}),
    });
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    await migratePglite(db as never, { migrationsFolder });
    const opened = client;
    const version = (await opened.query<{ server_version: string }>("show server_version")).rows[0]
      ?.server_version;
    // The embedded database lives in this process: it is up while the instance is open. Asking it a query
    // would wait behind whatever transaction holds its only connection, for as long as that takes.
    const probe = async () => {
      if (opened.closed) throw new Error("The embedded database is closed.");
      return version;
    };
    // PGlite's close() shuts PostgreSQL down with a checkpoint (pg_control says "shut down"), so the next
    // start needs no crash recovery; the lock is released only after it.
    return { db, driver: "pglite", client: opened, close: () => opened.close().finally(unlock), probe };
  } catch (error) {
    await client?.close().catch(() => {});
    unlock();
    throw error;
  }
}

/**
 * Migrations run on a connection of their own, without the API's statement timeout: a migration that
 * rewrites a big table may take longer than any request should, and a cancelled one would stop the start.
 */
async function migrateWithoutTimeout(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: { statement_timeout: 0 } });
  try {
    await migratePostgres(drizzlePostgres({ client, schema }) as never, { migrationsFolder });
  } finally {
    await client.end();
  }
}

/** The migrated database. A failed connection is not cached, so the next call tries again. */
export async function getConnection(): Promise<Connection> {
  if (globalForDb.audienceSegmentsDbClosedForGood) {
    throw new DatabaseClosedError();
  }
  if (!globalForDb.audienceSegmentsDb) {
    globalForDb.audienceSegmentsDb = connect().catch((error) => {
      globalForDb.audienceSegmentsDb = undefined;
      throw error;
    });
  }
  return globalForDb.audienceSegmentsDb;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}

/**
 * The caller's transaction when it passes one, else the process's database: every query function takes an
 * optional `db` so that a service can run several of them in one transaction.
 */
export async function dbOrDefault(db?: Database): Promise<Database> {
  return db ?? getDb();
}

/** Closes the process's connection; the next getDb() opens a new one (tests and scripts). */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.audienceSegmentsDb;
  globalForDb.audienceSegmentsDb = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close();
}

export class DatabaseClosedError extends Error {
  constructor() {
    super("The server is shutting down; the database is closed.");
    this.name = "DatabaseClosedError";
  }
}

/** Closes the database at shutdown and refuses to open it again in this process. */
export async function closeDbForShutdown(): Promise<void> {
  globalForDb.audienceSegmentsDbClosedForGood = true;
  await closeDb();
}

/**
 * Raises PostgreSQL's statement timeout for the rest of `tx` to the jobs' limit (JOB_STATEMENT_TIMEOUT_MS).
 * PGlite accepts the setting but cannot enforce it (no timer interrupts inside its WebAssembly backend).
 */
export async function raiseStatementTimeoutForJob(tx: Database): Promise<void> {
  const ms = readEnv().JOB_STATEMENT_TIMEOUT_MS;
  await tx.execute(sql`select set_config('statement_timeout', ${String(ms)}, true)`);
}

/** Runs `work` in one transaction: a failure leaves nothing half-written. */
export async function transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as unknown as Database));
}
