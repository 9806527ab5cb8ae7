import "server-only";
import { sql } from "drizzle-orm";
import { estimateCriteriaSize } from "@/lib/criteria/service";
import { definitionChanges, segmentDefinition } from "@/lib/segments/segment-definition";
import type { Database } from "../client";
import { markInitialized } from "../meta";
import { queryRows } from "../rows";
import {
  audienceSegments,
  content,
  contentPerformanceDaily,
  contentPerformanceHistory,
  personalizedContent,
  personas,
  segmentMembers,
  segmentMembershipEvents,
  segmentRevisions,
  users,
} from "../schema";
import { demoContent, demoPersonas } from "./demo-catalog";
import { generateMembership } from "./demo-membership";
import { generatePerformance } from "./demo-performance";
import { demoSegments } from "./demo-segments";
import { generateDemoUsers } from "./demo-users";
import { insertJsonRows } from "./insert-json-rows";
import { SeededRandom } from "./random";

const DAY_MS = 86_400_000;
const DEMO_SEED = 20_250_601;
// Any constant works: it only has to be the same in every process that may seed.
const SEED_LOCK_KEY = 7_311_842_650;

/** The whole demo data set, generated in memory; dates are relative to `now`. */
export function generateDemoData(now: Date) {
  const rng = new SeededRandom(DEMO_SEED);
  const users = generateDemoUsers(rng, now);
  const membership = generateMembership(rng, now, demoSegments, users);
  const performance = generatePerformance(rng, now);
  const memberCounts = new Map<string, number>();
  for (const member of membership.members) {
    memberCounts.set(member.segment_id, (memberCounts.get(member.segment_id) ?? 0) + 1);
  }
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  const segments = demoSegments.map((segment) => ({
    ...segment,
    membership_mode: "manual",
    // Filled in by the criteria engine once the users are in (seedDemoDataIfEmpty).
    estimated_size: 0,
    member_count: memberCounts.get(segment.id) ?? 0,
    created_at: at(45),
    updated_at: at(44),
  }));
  // Revision 1 of each segment, as creating it through the API would have recorded.
  const revisions = segments.map((segment) => {
    const definition = segmentDefinition(segment);
    return {
      segment_id: segment.id,
      revision: 1,
      changes: definitionChanges(null, definition),
      definition,
      estimated_size: 0,
      created_at: segment.created_at,
    };
  });
  const stamp = (row: object) => ({ ...row, created_at: at(50), updated_at: at(50) });
  return {
    personas: demoPersonas.map(stamp),
    content: demoContent.map(stamp),
    users,
    segments,
    revisions,
    ...membership,
    ...performance,
  };
}

async function isEmpty(tx: Database): Promise<boolean> {
  const [row] = await queryRows<{ empty: boolean }>(
    tx,
    sql`select not exists (select 1 from ${users}) and not exists (select 1 from ${audienceSegments}) as empty`,
  );
  return row?.empty === true;
}

/**
 * Loads the demo data when the database has no users and no segments; answers whether it did.
 * One transaction, one INSERT per table; an advisory lock keeps two starting processes from both seeding.
 */
export async function seedDemoDataIfEmpty(db: Database, now = new Date()): Promise<boolean> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Database;
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`);
    if (!(await isEmpty(tx))) return false;
    await insertDemoData(tx, now);
    return true;
  });
}

/**
 * At server start: marks the database as set up the first time it is seen, and loads the demo data only
 * then (when `seed` and the database is empty). A database its owner emptied later keeps its marker and
 * stays empty. Answers whether the demo data was loaded.
 */
export async function initializeDatabaseOnce(
  db: Database,
  seed: boolean,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Database;
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`);
    if (!(await markInitialized(tx))) return false;
    if (!seed || !(await isEmpty(tx))) return false;
    await insertDemoData(tx, now);
    return true;
  });
}

async function insertDemoData(tx: Database, now: Date): Promise<void> {
  const data = generateDemoData(now);
  await insertJsonRows(tx, personas, data.personas);
  await insertJsonRows(tx, content, data.content);
  await insertJsonRows(tx, users, data.users);
  // The same count the API keeps in estimated_size, so the demo shows what the criteria select.
  const sizes = new Map<string, number>();
  for (const segment of data.segments)
    sizes.set(segment.id, await estimateCriteriaSize(segment.criteria, tx));
  const sized = <Row extends { estimated_size: number }>(row: Row, id: string) => ({
    ...row,
    estimated_size: sizes.get(id) ?? 0,
  });
  await insertJsonRows(
    tx,
    audienceSegments,
    data.segments.map((segment) => sized(segment, segment.id)),
  );
  await insertJsonRows(
    tx,
    segmentRevisions,
    data.revisions.map((revision) => sized(revision, revision.segment_id)),
  );
  await insertJsonRows(tx, segmentMembers, data.members);
  await insertJsonRows(tx, segmentMembershipEvents, data.events);
  await insertJsonRows(tx, personalizedContent, data.items);
  await insertJsonRows(tx, contentPerformanceDaily, data.daily);
  await insertJsonRows(tx, contentPerformanceHistory, data.history);
}
