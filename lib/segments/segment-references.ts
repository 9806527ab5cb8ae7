import "server-only";
import type { Database } from "@/db/client";
import { ApiError } from "@/lib/api/errors";
import { segmentReferences } from "@/lib/criteria/ast";
import { parseCriteria, parseValidCriteria } from "@/lib/criteria/parse-criteria";
import { findSegmentCriteria, lockSegmentReferences } from "./queries";

const fieldOf = (path: string) => `criteria.${path}`;

/**
 * Issue 13, segments of segments: every `{"in_segment": id}` of the criteria must name an existing segment,
 * and following the references from there must never lead back to `selfId` (a cycle would make membership
 * depend on itself). Both are 422 naming the reference's path. One read per level of the reference graph.
 */
export async function assertSegmentReferences(
  criteria: Record<string, unknown>,
  selfId: string | null,
  tx: Database,
): Promise<void> {
  const refs = segmentReferences(parseValidCriteria(criteria));
  if (refs.length === 0) return;
  await lockSegmentReferences(tx);
  const existing = new Map(
    (await findSegmentCriteria([...new Set(refs.map((r) => r.id))], tx)).map((r) => [r.id, r]),
  );
  for (const ref of refs) {
    if (ref.id === selfId) throw invalidReference(ref.path, "A segment cannot contain itself");
    if (!existing.has(ref.id)) throw invalidReference(ref.path, `Segment ${ref.id} does not exist`);
  }
  if (selfId === null) return;
  // Breadth-first from each reference; `via` remembers which reference of these criteria led there.
  const via = new Map<string, string>(refs.map((r) => [r.id, r.path]));
  let frontier = [...existing.values()];
  const seen = new Set(frontier.map((r) => r.id));
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const row of frontier) {
      const parsed = parseCriteria(row.criteria);
      if (!parsed.ok) continue;
      for (const ref of segmentReferences(parsed.node)) {
        const origin = via.get(row.id) as string;
        if (ref.id === selfId) {
          throw invalidReference(origin, `Segment ${row.id} refers back to this segment (a cycle)`);
        }
        if (!seen.has(ref.id)) {
          seen.add(ref.id);
          via.set(ref.id, origin);
          next.push(ref.id);
        }
      }
    }
    frontier = await findSegmentCriteria(next, tx);
  }
}

function invalidReference(path: string, message: string): ApiError {
  return new ApiError("validation_failed", `Invalid criteria: ${fieldOf(path)}: ${message}.`, [
    { field: fieldOf(path), location: "body", message },
  ]);
}
