import "server-only";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client";

/** Runs raw SQL and returns its rows: postgres.js answers an array, PGlite an object with `rows`. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

interface PostgresJsClient {
  unsafe: (query: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]>;
}

/**
 * Like queryRows, but on PostgreSQL as a named prepared statement, kept per connection: a hot query whose text
 * never changes (only its parameters) is planned once instead of on every call, which is most of its cost.
 * PGlite (in-process, one connection) runs it as queryRows does. Not for use inside a transaction: the
 * statement runs on the pool.
 */
export async function queryRowsPrepared<Row>(db: Database, query: SQL): Promise<Row[]> {
  const { $client: client, dialect } = db as unknown as {
    $client?: Partial<PostgresJsClient>;
    dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } };
  };
  if (typeof client?.unsafe !== "function" || "waitReady" in client) return queryRows(db, query);
  const rendered = dialect.sqlToQuery(query);
  return (await client.unsafe(rendered.sql, rendered.params, { prepare: true })) as Row[];
}
