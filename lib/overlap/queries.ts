import "server-only";
import { inArray } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";
import { audienceSegments } from "@/db/schema";
import { type OverlapPairRow, overlapPairsSql } from "./overlap-sql";

export async function findSegmentSummaries(ids: string[], db?: Database) {
  const executor = await dbOrDefault(db);
  return executor
    .select({
      id: audienceSegments.id,
      segment_name: audienceSegments.segment_name,
      member_count: audienceSegments.member_count,
    })
    .from(audienceSegments)
    .where(inArray(audienceSegments.id, ids));
}

export async function readOverlapPairs(ids: string[], db?: Database): Promise<OverlapPairRow[]> {
  const executor = await dbOrDefault(db);
  return queryRows<OverlapPairRow>(executor, overlapPairsSql(ids));
}
