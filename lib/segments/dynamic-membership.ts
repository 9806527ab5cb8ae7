import "server-only";
import type { Database } from "@/db/client";
import {
  type Condition,
  dependentSegments,
  eventNames,
  type Group,
  listConditions,
  profileFieldsOf,
  referencedFirst,
} from "@/lib/criteria/ast";
import { REASON_LISTED, reasonFields } from "@/lib/criteria/compile-sql";
import { parseCriteria } from "@/lib/criteria/parse-criteria";
import {
  applyMembershipChanges,
  batchSegments,
  evaluateUsers,
  type LockedSegment,
  lockDynamicSegments,
  type MembershipChanges,
  type UserOutcome,
} from "./dynamic-queries";

const WRITES_PER_STATEMENT = 2000;

export interface ReevaluationCounts {
  joined: number;
  left: number;
}

/**
 * Re-evaluates the given users against every active dynamic segment, inside the caller's transaction,
 * so that a profile change moves its memberships in the same request. Call it after the users are
 * created or updated; a user about to be deleted leaves every segment through removeUserFromAllSegments
 * (lib/members/queries.ts), and an id that names no user is skipped.
 *
 * A few statements whatever the number of users and segments: lock the dynamic segments, evaluate all
 * users against them with their current memberships in one read per batch of segments, and write only
 * what changed in one statement (members, events, counts). Segments of segments follow in the same
 * transaction: when a user joins or leaves a segment, the segments that refer to it (`in_segment`,
 * directly or through others) are evaluated again for that user once the change is written, until nothing
 * more moves.
 */
export async function reevaluateUsers(
  userIds: string[],
  tx: Database,
  /** Only the segments whose criteria this selects (e.g. those an event batch can change); all when absent. */
  relevant?: (node: Group) => boolean,
  now: Date = new Date(),
  /** lockDynamicSegments' answer when the caller already took it in this transaction. */
  lockedSegments?: LockedSegment[],
): Promise<ReevaluationCounts> {
  const unique = [...new Set(userIds.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return { joined: 0, left: 0 };
  // Every active dynamic segment is share-locked before its criteria are read, also those `relevant`
  // leaves out: a criteria change committed after an unlocked read would otherwise be missed.
  const locked = lockedSegments ?? (await lockDynamicSegments(tx));
  // Criteria are validated on write; a row that predates the language is skipped rather than failing
  // the user's request.
  const dynamic = locked.flatMap(({ id, criteria }) => {
    const node = parsedCriteria(criteria);
    return node ? [{ id, node }] : [];
  });
  const counts: ReevaluationCounts = { joined: 0, left: 0 };
  let segments = relevant ? dynamic.filter((s) => relevant(s.node)) : dynamic;
  let users = unique;
  // Rounds are bounded by the depth of the reference graph, which has no cycle.
  for (let round = 0; segments.length > 0 && users.length > 0 && round <= dynamic.length; round++) {
    const changes = await evaluateChanges(segments, users, now, tx);
    const moved = [...changes.writes.filter((w) => w.is_new), ...changes.leaves];
    const dependents = dependentSegments(dynamic, new Set(moved.map((m) => m.segment_id)));
    // The segments this round and the later ones may write are locked together, in id order, before the
    // first write: concurrent re-evaluations queue instead of deadlocking on member_count.
    await writeChanges(
      changes,
      dependents.map((s) => s.id),
      tx,
    );
    counts.joined += changes.writes.filter((w) => w.is_new).length;
    counts.left += changes.leaves.length;
    segments = referencedFirst(dependents);
    users = [...new Set(moved.map((m) => m.user_id))];
  }
  return counts;
}

const parsedNodes = new Map<string, Group | null>();
const MAX_PARSED_NODES = 10_000;

/**
 * A stored criteria's node, parsed once per distinct criteria: every profile write and event batch reads
 * all dynamic segments' criteria, and parsing fifty of them is a millisecond a call. Nodes are never
 * changed after parsing, so one can be shared. Null for a row that no longer parses.
 */
function parsedCriteria(criteriaText: string): Group | null {
  let node = parsedNodes.get(criteriaText);
  if (node === undefined) {
    const parsed = parseCriteria(JSON.parse(criteriaText));
    node = parsed.ok ? parsed.node : null;
    if (parsedNodes.size >= MAX_PARSED_NODES) parsedNodes.clear();
    parsedNodes.set(criteriaText, node);
  }
  return node;
}

/** What the users' current profiles and memberships change in the segments. */
async function evaluateChanges(
  segments: { id: string; node: Group }[],
  users: string[],
  now: Date,
  tx: Database,
): Promise<MembershipChanges> {
  const changes: MembershipChanges = { writes: [], leaves: [] };
  // Segments are evaluated in batches whose statements stay far below the parameter limit, however many
  // and however large the dynamic segments; the changes of all batches are written together.
  // The batches' statements are sent together: one round trip, and the database works while the first
  // answer is read.
  const batches = batchSegments(segments, now);
  const outcomes = await Promise.all(batches.map((batch) => evaluateUsers(batch, users, now, tx)));
  batches.forEach((batch, i) => {
    collectChanges(batch, outcomes[i], changes);
  });
  return changes;
}

async function writeChanges(changes: MembershipChanges, alsoLock: string[], tx: Database): Promise<void> {
  // Written in slices, so that one statement's jsonb stays a few megabytes however many users changed.
  const slices = Math.max(
    1,
    Math.ceil(Math.max(changes.writes.length, changes.leaves.length) / WRITES_PER_STATEMENT),
  );
  for (let i = 0; i < slices; i++) {
    const from = i * WRITES_PER_STATEMENT;
    await applyMembershipChanges(
      {
        writes: changes.writes.slice(from, from + WRITES_PER_STATEMENT),
        leaves: changes.leaves.slice(from, from + WRITES_PER_STATEMENT),
      },
      tx,
      i === 0 ? alsoLock : [],
    );
  }
}

/** Compares what the users' profiles select with their memberships: joins, rescores and leaves. */
function collectChanges(
  segments: { id: string; node: Group }[],
  outcomes: UserOutcome[],
  changes: MembershipChanges,
): void {
  const members = new Map(
    outcomes.flatMap((o) =>
      o.memberships.map(([segmentId, source, confidence]) => [
        `${segmentId} ${o.user_id}`,
        { source, confidence_score: Number(confidence) },
      ]),
    ),
  );
  const conditions = segments.map((s) => listConditions(s.node));
  for (const outcome of outcomes) {
    let offset = 0;
    segments.forEach((segment, i) => {
      const start = offset;
      offset += conditions[i].length;
      const reason = () =>
        assignmentReason(conditions[i], outcome.passed.slice(start, offset), outcome.profile_values);
      const member = members.get(`${segment.id} ${outcome.user_id}`);
      const confidence = outcome.confidences[i];
      const key = { segment_id: segment.id, user_id: outcome.user_id };
      if (outcome.matches[i]) {
        if (!member) changes.writes.push({ ...key, confidence, is_new: true, reason: reason() });
        else if (member.source === "criteria" && member.confidence_score !== confidence) {
          changes.writes.push({ ...key, confidence, is_new: false, reason: reason() });
        }
      } else if (member?.source === "criteria") changes.leaves.push(key);
    });
  }
}

/** The same shape as compile-sql's assignmentReasonSql, from outcomes the database computed. */
function assignmentReason(conditions: Condition[], passed: boolean[], values: Record<string, unknown>) {
  const label = (c: Condition) => `${c.path}: ${c.label}`;
  const met = conditions.filter((_, i) => passed[i]).map(label);
  const missed = conditions.filter((_, i) => !passed[i]).map(label);
  return {
    met: met.slice(0, REASON_LISTED),
    missed: missed.slice(0, REASON_LISTED),
    met_count: met.length,
    missed_count: missed.length,
    values: Object.fromEntries(reasonFields(conditions).map((field) => [field, values[field] ?? null])),
  };
}

/**
 * Issue 13, always fresh: after an event batch, its users against the dynamic segments that look at what
 * the batch changed — the event names it stored, purchase_count and total_spent when it held purchases,
 * last_active_at (every event can move it) — in the ingestion's transaction.
 */
export async function reevaluateAfterEvents(
  profiles: readonly { user_id: string; purchases: number; names: string[] }[],
  tx: Database,
  lockedSegments?: LockedSegment[],
): Promise<ReevaluationCounts> {
  if (profiles.length === 0) return { joined: 0, left: 0 };
  const names = new Set(profiles.flatMap((p) => p.names));
  const fields = new Set(["last_active_at"]);
  if (profiles.some((p) => p.purchases > 0)) {
    fields.add("purchase_count");
    fields.add("total_spent");
  }
  const relevant = (node: Group) =>
    eventNames(node).some((name) => names.has(name)) || profileFieldsOf(node).some((f) => fields.has(f));
  return reevaluateUsers(
    profiles.map((p) => p.user_id),
    tx,
    relevant,
    new Date(),
    lockedSegments,
  );
}
