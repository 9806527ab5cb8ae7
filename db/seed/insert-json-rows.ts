import "server-only";
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client";

/** A row as it travels in the JSON parameter: timestamps as ISO strings. */
export type JsonRow<Row> = {
  [Key in keyof Row]: Row[Key] extends Date
    ? string
    : Row[Key] extends Date | null
      ? string | null
      : Row[Key];
};

/**
 * Inserts any number of rows with one INSERT … SELECT over a single JSON parameter, which keeps clear of
 * PostgreSQL's 65,535 bind parameters per statement and is one round trip on either driver. The columns
 * are the keys of the first row; names and types come from the Drizzle table, values only from the JSON.
 */
export async function insertJsonRows(db: Database, table: PgTable, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]);
  const definitions: SQL[] = [];
  const names: SQL[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    names.push(sql`${sql.identifier(column.name)}`);
    definitions.push(sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`);
  }
  const columnList = sql.join(names, sql`, `);
  await db.execute(
    sql`insert into ${table} (${columnList})
      select ${columnList} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.join(definitions, sql`, `)})`,
  );
}
