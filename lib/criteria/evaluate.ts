import type { User } from "@/db/schema";
import type { Condition, CriteriaNode } from "./ast";

/** The profile values criteria can test, as stored (normalised). */
export type Profile = Pick<
  User,
  | "age"
  | "location"
  | "gender"
  | "interests"
  | "content_preferences"
  | "purchase_count"
  | "total_spent"
  | "engagement_level"
  | "engagement_frequency"
  | "avg_session_duration"
  | "last_active_at"
  | "interaction_score"
  | "created_at"
  | "conversion_propensity"
  | "traits"
>;

export interface Evaluation {
  matches: boolean;
  /** 1 for a full match; the matched share under `min_match`; 0 when it does not match. */
  confidence: number;
}

const DAY_MS = 86_400_000;

/** The value a condition looks at: the column, or the trait (undefined when the key is absent). */
export function actualValue(condition: Condition, profile: Profile): unknown {
  if (condition.trait !== undefined) {
    return Object.hasOwn(profile.traits, condition.trait) ? profile.traits[condition.trait] : undefined;
  }
  const value = profile[condition.field as keyof Profile];
  if (condition.field === "gender" && typeof value === "string") return value.toLowerCase();
  return value;
}

function comparable(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  return null;
}

function bound(value: unknown, isTime: boolean): number {
  return isTime ? Date.parse(value as string) : (value as number);
}

function compare(op: Condition["op"], actual: unknown, value: unknown): boolean {
  const isTime = actual instanceof Date;
  const x = comparable(actual);
  if (x === null) return false;
  switch (op) {
    case "gt":
      return x > bound(value, isTime);
    case "gte":
      return x >= bound(value, isTime);
    case "lt":
      return x < bound(value, isTime);
    case "lte":
      return x <= bound(value, isTime);
    default: {
      const [min, max] = value as unknown[];
      return x >= bound(min, isTime) && x <= bound(max, isTime);
    }
  }
}

/** Whether one condition holds: the in-memory twin of compile-sql's `conditionSql`. */
export function testCondition(condition: Condition, profile: Profile, now: Date): boolean {
  const actual = actualValue(condition, profile);
  const { op, value } = condition;
  const isTrait = condition.trait !== undefined;
  switch (op) {
    case "exists":
      return isTrait ? actual !== undefined : Array.isArray(actual) ? actual.length > 0 : actual !== null;
    case "not_exists":
      return !testCondition({ ...condition, op: "exists" }, profile, now);
    case "eq":
      return actual === value;
    case "neq":
      return actual !== value;
    case "in":
      return (value as unknown[]).includes(actual);
    case "not_in":
      return !(value as unknown[]).includes(actual);
    case "contains_any":
      return Array.isArray(actual) && (value as string[]).some((v) => actual.includes(v));
    case "contains_all":
      return Array.isArray(actual) && (value as string[]).every((v) => actual.includes(v));
    case "within_last_days":
      return actual instanceof Date && actual.getTime() >= now.getTime() - (value as number) * DAY_MS;
    default:
      if (isTrait && typeof actual !== "number") return false;
      return compare(op, actual, value);
  }
}

function evaluateNode(node: CriteriaNode, profile: Profile, now: Date): Evaluation {
  if (node.kind === "condition") {
    const matches = testCondition(node, profile, now);
    return { matches, confidence: 1 };
  }
  if (node.kind === "not") return { matches: !evaluateNode(node.child, profile, now).matches, confidence: 1 };
  const results = node.children.map((child) => evaluateNode(child, profile, now));
  if (node.minMatch !== null) {
    const share = results.filter((r) => r.matches).length / results.length;
    return { matches: share >= node.minMatch, confidence: share };
  }
  if (node.mode === "all") {
    return {
      matches: results.every((r) => r.matches),
      confidence: Math.min(1, ...results.map((r) => r.confidence)),
    };
  }
  const matching = results.filter((r) => r.matches);
  return { matches: matching.length > 0, confidence: Math.max(0, ...matching.map((r) => r.confidence)) };
}

/** The test oracle of the criteria language: evaluates a parsed tree against one profile in memory. */
export function evaluateCriteria(node: CriteriaNode, profile: Profile, now: Date): Evaluation {
  const result = evaluateNode(node, profile, now);
  return result.matches ? result : { matches: false, confidence: 0 };
}
