import "server-only";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { readEnv } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers' databases, and their transactions, are this type. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DriverName = "pglite" | "postgres";

interface Connection {
  db: Database;
  driver: DriverName;
  close: () => Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// One connection per process, kept across hot reloads: two PGlite instances on one data folder corrupt it.
const globalForDb = globalThis as unknown as { audienceSegmentsDb?: Promise<Connection> };

async function connect(): Promise<Connection> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema }) as unknown as Database;
    await migratePostgres(db as never, { migrationsFolder });
    return { db, driver: "postgres", close: () => client.end() };
  }
  const inMemory = env.PGLITE_DATA_DIR.startsWith("memory://");
  if (!inMemory) mkdirSync(env.PGLITE_DATA_DIR, { recursive: true });
  // Tests start each in-memory database from a migrated snapshot: loading it is several times faster than initdb.
  const template =
    inMemory && env.PGLITE_TEMPLATE ? new Blob([readFileSync(env.PGLITE_TEMPLATE)]) : undefined;
  const client = new PGlite(env.PGLITE_DATA_DIR, template ? { loadDataDir: template } : {});
  try {
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    await migratePglite(db as never, { migrationsFolder });
    return { db, driver: "pglite", close: () => client.close() };
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}

/** The migrated database. A failed connection is not cached, so the next call tries again. */
export async function getConnection(): Promise<Connection> {
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

/** Runs `work` in one transaction: a failure leaves nothing half-written. */
export async function transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as unknown as Database));
}
