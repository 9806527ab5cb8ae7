import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { queryRows } from "./rows";

/** Records that the database has been set up; true only the first time (the row did not exist). */
export async function markInitialized(tx: Database): Promise<boolean> {
  const rows = await queryRows<{ key: string }>(
    tx,
    sql`insert into app_meta (key, value) values ('initialized_at', to_jsonb(now()))
        on conflict (key) do nothing returning key`,
  );
  return rows.length === 1;
}
