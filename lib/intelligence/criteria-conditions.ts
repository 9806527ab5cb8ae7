import type { CriteriaNode } from "@/lib/criteria/ast";
import { describeCondition } from "@/lib/criteria/describe-condition";
import { parseCriteria } from "@/lib/criteria/parse-criteria";

export interface ConditionKey {
  /** Canonical: field, operator and normalised value. */
  key: string;
  label: string;
}

/**
 * The conditions a segment's criteria require, as canonical keys: the leaves of the tree outside any `not`
 * (a negated condition says who is left out, not what members have in common). Criteria that no longer parse
 * give no conditions rather than an error: similarity then rests on member overlap alone.
 */
export function criteriaConditions(criteria: unknown): ConditionKey[] {
  const parsed = parseCriteria(criteria);
  if (!parsed.ok) return [];
  const out = new Map<string, ConditionKey>();
  const walk = (node: CriteriaNode) => {
    if (node.kind === "not") return;
    if (node.kind === "group") {
      for (const child of node.children) walk(child);
      return;
    }
    const key = `${node.field} ${node.op} ${JSON.stringify(node.value)}`;
    out.set(key, { key, label: describeCondition(node.field, node.op, node.value) });
  };
  walk(parsed.node);
  return [...out.values()];
}

/** Jaccard index of two condition sets (0 when both are empty: no criteria says nothing about similarity). */
export function conditionJaccard(a: readonly ConditionKey[], b: readonly ConditionKey[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const left = new Set(a.map((condition) => condition.key));
  const shared = b.filter((condition) => left.has(condition.key)).length;
  return shared / (left.size + b.length - shared);
}
