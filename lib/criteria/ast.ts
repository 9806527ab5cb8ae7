import type { Operator } from "./fields";

/** A scalar that a trait can be compared with. */
export type TraitScalar = string | number | boolean;

/** One test of one field. Values are already normalised to the stored form. */
export interface Condition {
  kind: "condition";
  /** Where it came from in the criteria JSON, e.g. `age_range` or `all.1.interests`. */
  path: string;
  label: string;
  /** A profile column (`age`) or a custom trait (`traits.plan`). */
  field: string;
  /** The trait key when `field` is `traits.<key>`. */
  trait?: string;
  op: Operator;
  value: unknown;
  /** An event condition (`{"event": …}`): `op`/`value` compare its measure (docs/criteria.md). */
  event?: EventSpec;
  /** `{"in_segment": id}`: membership of that segment (field `in_segment`, op `eq`, value the id). */
  segment?: string;
}

export const eventMeasures = [
  "count",
  "sum",
  "avg",
  "min",
  "max",
  "last_seen_days",
  "first_seen_days",
] as const;
export type EventMeasure = (typeof eventMeasures)[number];

/** A rule on one event: its `value`, or `properties.<key>` (then `key` holds the key). */
export interface EventRule {
  field: string;
  key?: string;
  op: Operator;
  value: unknown;
}

/** The events an event condition looks at, and what it measures of them. */
export interface EventSpec {
  name: string;
  where: EventRule[];
  /** The last `days` × 24 hours up to now; or `from`..`to` (ISO instants, both inclusive); or all time. */
  window: { days: number } | { from: string; to: string } | null;
  measure: EventMeasure;
  /** What sum/avg/min/max aggregate: `value` or `properties.<key>`. */
  of: string | null;
}

/** `all` (AND) or `any` (OR) of its children; with `minMatch`, at least that share of them. */
export interface Group {
  kind: "group";
  path: string;
  mode: "all" | "any";
  minMatch: number | null;
  children: CriteriaNode[];
}

export interface Negation {
  kind: "not";
  path: string;
  child: CriteriaNode;
}

export type CriteriaNode = Condition | Group | Negation;

/** Every condition of the tree, in document order (what explain reports). */
export function listConditions(node: CriteriaNode): Condition[] {
  if (node.kind === "condition") return [node];
  if (node.kind === "not") return listConditions(node.child);
  return node.children.flatMap(listConditions);
}

/** Whether a `min_match` sits anywhere below: only then can the confidence be below 1. */
export function hasMinMatch(node: CriteriaNode): boolean {
  if (node.kind === "condition") return false;
  if (node.kind === "not") return false;
  return node.minMatch !== null || node.children.some(hasMinMatch);
}

/** Every event name the criteria look at (what an ingested batch must re-evaluate). */
export function eventNames(node: CriteriaNode): string[] {
  return [...new Set(listConditions(node).flatMap((c) => (c.event ? [c.event.name] : [])))];
}

/** The profile fields the criteria look at (event conditions and segment references excluded). */
export function profileFieldsOf(node: CriteriaNode): string[] {
  return [...new Set(listConditions(node).flatMap((c) => (c.event || c.segment ? [] : [c.field])))];
}

/** The segments the criteria refer to through `in_segment`, with the path of each reference. */
export function segmentReferences(node: CriteriaNode): { id: string; path: string }[] {
  return listConditions(node).flatMap((c) => (c.segment ? [{ id: c.segment, path: c.path }] : []));
}

/**
 * Whether the outcome can change with the clock alone: relative windows (`within_days`, `last_seen_days`,
 * `first_seen_days`, `within_last_days` such as `last_active_days`). A fixed `between` cannot.
 */
export function dependsOnTime(node: CriteriaNode): boolean {
  return listConditions(node).some(
    (c) =>
      c.op === "within_last_days" ||
      (c.event !== undefined && c.event.window !== null && "days" in c.event.window),
  );
}

/** A segment's id with its parsed criteria: what the segment graph below is built from. */
export interface SegmentNode {
  id: string;
  node: CriteriaNode;
}

/**
 * The segments that refer to any of `changed`, directly or through others (`in_segment`): the ones whose
 * membership can move when the members of `changed` do. `changed` itself is not included unless it refers
 * to another changed one.
 */
export function dependentSegments<S extends SegmentNode>(
  segments: readonly S[],
  changed: Iterable<string>,
): S[] {
  const reached = new Set<string>();
  let frontier = new Set(changed);
  while (frontier.size > 0) {
    const next = new Set<string>();
    for (const segment of segments) {
      if (reached.has(segment.id)) continue;
      if (segmentReferences(segment.node).some((ref) => frontier.has(ref.id))) {
        reached.add(segment.id);
        next.add(segment.id);
      }
    }
    frontier = next;
  }
  return segments.filter((segment) => reached.has(segment.id));
}

/**
 * The segments ordered so that each comes after every segment of the list it refers to (`in_segment`), so
 * that evaluating them in this order reads each reference's new members. References never form a cycle
 * (refused on write); ties keep the given order.
 */
export function referencedFirst<S extends SegmentNode>(segments: readonly S[]): S[] {
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const ordered: S[] = [];
  const visited = new Set<string>();
  const visit = (segment: S, depth: number) => {
    if (visited.has(segment.id) || depth > segments.length) return;
    visited.add(segment.id);
    for (const ref of segmentReferences(segment.node)) {
      const referenced = byId.get(ref.id);
      if (referenced) visit(referenced, depth + 1);
    }
    ordered.push(segment);
  };
  for (const segment of segments) visit(segment, 0);
  return ordered;
}
