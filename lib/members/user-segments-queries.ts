import "server-only";
import { sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { UserSegment } from "./user-segments-schemas";

type UserSegmentRow = Omit<UserSegment, "joined_at"> & { joined_at: Date };

/** Every segment the user belongs to, highest priority first (the order decide ranks them in). */
export async function listUserSegments(userId: string, db?: Database): Promise<UserSegmentRow[]> {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<UserSegmentRow>(
    executor,
    sql`select s.id::text as segment_id, s.segment_name, s.status, s.membership_mode, s.priority,
        m.confidence_score, m.source, m.assignment_reason, m.joined_at
      from segment_members m join audience_segments s on s.id = m.segment_id
      where m.user_id = ${userId}::uuid
      order by s.priority desc, s.segment_name, s.id`,
  );
  // Raw rows carry the driver's timestamp text (postgres.js) or a Date (PGlite).
  return rows.map((row) => ({ ...row, joined_at: new Date(row.joined_at) }));
}
