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
 * never changes (only its parameters) is parsed once per connection instead of on every call, and planned
 * once where a generic plan serves. Runs on the connection `db` stands for: the pool, or the caller's
 * transaction (drizzle's session holds the transaction's own client). PGlite (in-process, one connection)
 * runs it as queryRows does.
 */
export async function queryRowsPrepared<Row>(db: Database, query: SQL): Promise<Row[]> {
  const { session, dialect } = db as unknown as {
    session?: { client?: Partial<PostgresJsClient> };
    dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } };
  };
  const client = session?.client;
  if (typeof client?.unsafe !== "function" || "waitReady" in client) return queryRows(db, query);
  const rendered = dialect.sqlToQuery(query);
  return (await client.unsafe(rendered.sql, rendered.params, { prepare: true })) as Row[];
}

/** A statement already rendered to text and parameters (lib/segments/statement-template.ts). */
export interface RenderedQuery {
  sql: string;
  params: unknown[];
}

/**
 * queryRowsPrepared for a statement already rendered: on PostgreSQL a named prepared statement on the
 * connection `db` stands for; PGlite runs the text with its parameters (its default type parsers: the
 * callers read no timestamp columns).
 */
export async function queryRenderedPrepared<Row>(db: Database, query: RenderedQuery): Promise<Row[]> {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as
    | Partial<PostgresJsClient & { query: (sql: string, params: unknown[]) => Promise<{ rows: Row[] }> }>
    | undefined;
  if (typeof client?.unsafe === "function" && !("waitReady" in client)) {
    return (await client.unsafe(query.sql, query.params, { prepare: true })) as Row[];
  }
  if (typeof client?.query !== "function") throw new Error("No client to run the statement on");
  return (await client.query(query.sql, query.params)).rows;
}

export interface Page<Row> {
  items: Row[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * A paged list: one page of rows (the caller applies `limit` and `offset` to `rows`) and the count of every
 * row the same filter matches, read at once.
 */
export async function readPage<Row>(
  page: { limit: number; offset: number },
  rows: PromiseLike<Row[]>,
  counted: PromiseLike<{ total: number }[]>,
): Promise<Page<Row>> {
  const [items, [{ total }]] = await Promise.all([rows, counted]);
  return { items, total: Number(total), limit: page.limit, offset: page.offset };
}

/** `value` as a literal inside a LIKE pattern: its `%`, `_` and `\` match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
