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
