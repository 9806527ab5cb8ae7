import "server-only";
import { inArray } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { audienceSegments } from "@/db/schema";
import { type OverlapPairRow, overlapPairsSql } from "./overlap-sql";

export async function findSegmentSummaries(ids: string[], db?: Database) {
  const executor = db ?? (await getDb());
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
  const executor = db ?? (await getDb());
  return queryRows<OverlapPairRow>(executor, overlapPairsSql(ids));
}
