import "server-only";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { MAX_FREE_FORM_BYTES } from "@/lib/api/input-guards";

/**
 * A free-form jsonb column as a list returns it: the value itself when it is within the cap that input
 * has today, or `{"truncated": true, "bytes": n}` for a row written before the cap (or by hand), so that
 * no page of a list can carry megabytes per row. The single-row reads return the full value.
 */
export function boundedJson<T>(column: AnyColumn): SQL<T> {
  return sql<T>`case when octet_length(${column}::text) <= ${MAX_FREE_FORM_BYTES}::int then ${column}
    else jsonb_build_object('truncated', true, 'bytes', octet_length(${column}::text)) end`;
}
