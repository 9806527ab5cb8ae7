import type { User } from "@/db/schema";
import type { Condition, CriteriaNode, EventRule, EventSpec } from "./ast";

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

/** One stored event, as the oracle sees it. */
export interface OracleEvent {
  name: string;
  occurred_at: Date;
  value: number | null;
  properties: Record<string, unknown>;
}

/** What event conditions and segment references look at beside the profile. */
export interface Behavior {
  /** The user's events. */
  events: readonly OracleEvent[];
  /** The segments the user is a member of. */
  segments: ReadonlySet<string>;
}

const noBehavior: Behavior = { events: [], segments: new Set() };

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
export function testCondition(
  condition: Condition,
  profile: Profile,
  now: Date,
  behavior: Behavior = noBehavior,
): boolean {
  if (condition.event)
    return testMeasure(condition, measureEvents(condition.event, behavior.events, now), now);
  if (condition.segment) return behavior.segments.has(condition.segment);
  return testActual(
    condition.op,
    condition.value,
    actualValue(condition, profile),
    condition.trait !== undefined,
    now,
  );
}

/** One operator against one actual value (a profile column, a trait, an event's value or property). */
function testActual(
  op: Condition["op"],
  value: unknown,
  actual: unknown,
  isTrait: boolean,
  now: Date,
): boolean {
  switch (op) {
    case "exists":
      return isTrait ? actual !== undefined : Array.isArray(actual) ? actual.length > 0 : actual !== null;
    case "not_exists":
      return !testActual("exists", value, actual, isTrait, now);
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

function evaluateNode(node: CriteriaNode, profile: Profile, now: Date, behavior: Behavior): Evaluation {
  if (node.kind === "condition") {
    const matches = testCondition(node, profile, now, behavior);
    return { matches, confidence: 1 };
  }
  if (node.kind === "not") {
    return { matches: !evaluateNode(node.child, profile, now, behavior).matches, confidence: 1 };
  }
  const results = node.children.map((child) => evaluateNode(child, profile, now, behavior));
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
export function evaluateCriteria(
  node: CriteriaNode,
  profile: Profile,
  now: Date,
  behavior: Behavior = noBehavior,
): Evaluation {
  const result = evaluateNode(node, profile, now, behavior);
  return result.matches ? result : { matches: false, confidence: 0 };
}

// ---- event conditions (issue 13) ----

function ruleHolds(rule: EventRule, event: OracleEvent, now: Date): boolean {
  if (rule.key === undefined) return testActual(rule.op, rule.value, event.value, false, now);
  const actual = Object.hasOwn(event.properties, rule.key) ? event.properties[rule.key] : undefined;
  return testActual(rule.op, rule.value, actual, true, now);
}

/** The events an event condition counts: its name, its window, every where rule. */
export function matchingEvents(spec: EventSpec, events: readonly OracleEvent[], now: Date): OracleEvent[] {
  return events.filter((e) => {
    if (e.name !== spec.name) return false;
    const t = e.occurred_at.getTime();
    if (spec.window && "days" in spec.window) {
      if (t < now.getTime() - spec.window.days * DAY_MS || t > now.getTime()) return false;
    } else if (spec.window) {
      if (t < Date.parse(spec.window.from) || t > Date.parse(spec.window.to)) return false;
    }
    return spec.where.every((rule) => ruleHolds(rule, e, now));
  });
}

function measured(spec: EventSpec, event: OracleEvent): number | null {
  if (spec.of === null || spec.of === "value") return event.value;
  const v = event.properties[spec.of.slice("properties.".length)];
  return typeof v === "number" ? v : null;
}

/** The measure over the matching events: what explain shows; null where no event gives one. */
export function measureEvents(
  spec: EventSpec,
  events: readonly OracleEvent[],
  now: Date,
): number | Date | null {
  const matching = matchingEvents(spec, events, now);
  if (spec.measure === "count") return matching.length;
  if (spec.measure === "last_seen_days" || spec.measure === "first_seen_days") {
    if (matching.length === 0) return null;
    const times = matching.map((e) => e.occurred_at.getTime());
    return new Date(spec.measure === "last_seen_days" ? Math.max(...times) : Math.min(...times));
  }
  const values = matching.map((e) => measured(spec, e)).filter((v): v is number => v !== null);
  if (spec.measure === "sum") return values.reduce((a, b) => a + b, 0);
  if (values.length === 0) return null;
  if (spec.measure === "avg") return values.reduce((a, b) => a + b, 0) / values.length;
  return spec.measure === "min" ? Math.min(...values) : Math.max(...values);
}

function testMeasure(condition: Condition, actual: number | Date | null, now: Date): boolean {
  if (actual === null) return false;
  if (actual instanceof Date) return testActual("within_last_days", condition.value, actual, false, now);
  if (condition.op === "eq") return actual === condition.value;
  return compare(condition.op, actual, condition.value);
}
