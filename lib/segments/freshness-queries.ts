import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { audienceSegments } from "@/db/schema";

/** The active dynamic segments' criteria, in id order (the order the freshness pass locks them in). */
export async function listActiveDynamicSegments(tx: Database) {
  return tx
    .select({ id: audienceSegments.id, criteria: audienceSegments.criteria })
    .from(audienceSegments)
    .where(and(eq(audienceSegments.status, "active"), eq(audienceSegments.membership_mode, "dynamic")))
    .orderBy(asc(audienceSegments.id));
}

/** Stamps `fresh_as_of` on segments whose members are exact without a pass (criteria free of time). */
export async function markFresh(ids: string[], now: Date, tx: Database): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(
    sql`update audience_segments set fresh_as_of = greatest(fresh_as_of, ${now.toISOString()}::timestamptz)
      where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
        and status = 'active' and membership_mode = 'dynamic'`,
  );
}
