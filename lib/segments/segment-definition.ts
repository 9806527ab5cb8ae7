import type { Segment } from "@/db/schema";

/** The fields that define a segment: a change to any of them is a revision. */
export const definitionFields = [
  "persona_id",
  "segment_name",
  "description",
  "criteria",
  "strategy",
  "status",
  "membership_mode",
] as const;

export type SegmentDefinition = Pick<Segment, (typeof definitionFields)[number]>;

export function segmentDefinition(segment: SegmentDefinition): SegmentDefinition {
  return Object.fromEntries(
    definitionFields.map((field) => [field, segment[field] ?? null]),
  ) as SegmentDefinition;
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Field → {from, to} for every definition field that differs; `before` null means a new segment. */
export function definitionChanges(
  before: SegmentDefinition | null,
  after: SegmentDefinition,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of definitionFields) {
    const from = before ? (before[field] ?? null) : null;
    const to = after[field] ?? null;
    if (before === null || canonical(from) !== canonical(to)) changes[field] = { from, to };
  }
  return changes;
}
