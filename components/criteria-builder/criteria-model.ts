/**
 * The builder's form state. Its two-way mapping to the criteria JSON the API stores is in criteria-to-json.ts
 * and criteria-from-json.ts: anything the form cannot show (an unknown key, a value of another shape) is kept
 * verbatim in `extra`, so that switching between the form and the JSON never loses a condition.
 */

export type GroupKind = "all" | "any" | "not";

export interface RuleNode {
  type: "rule";
  id: string;
  field: string;
  op: string;
  /** Text as typed: lists are comma-separated; `between` uses `value` and `valueTo`. */
  value: string;
  valueTo: string;
}

export interface GroupNode {
  type: "group";
  id: string;
  kind: GroupKind;
  items: CriteriaNode[];
}

/** A condition the rule editor cannot show, such as a spec key inside a group; kept and shown as JSON. */
export interface RawNode {
  type: "raw";
  id: string;
  json: unknown;
}

/** Issue 13: `{"event": …}` as the builder edits it (docs/criteria.md, "Event conditions"). */
export interface EventNode {
  type: "event";
  id: string;
  name: string;
  /** Rules on the event's `value` or `properties.<key>`; all must hold. */
  where: RuleNode[];
  window: "all" | "days" | "between";
  days: string;
  from: string;
  to: string;
  measure: "count" | "sum" | "avg" | "min" | "max" | "last_seen_days" | "first_seen_days";
  /** What sum / avg / min / max aggregate: `value` or `properties.<key>`. */
  of: string;
  /** The comparison of count / sum / …: eq, gt, gte, lt, lte or between. */
  op: string;
  value: string;
  valueTo: string;
}

/** Issue 13: `{"in_segment": id}`. */
export interface SegmentRefNode {
  type: "segment";
  id: string;
  segmentId: string;
}

export type CriteriaNode = RuleNode | GroupNode | RawNode | EventNode | SegmentRefNode;

export interface CriteriaFormValues {
  minAge: string;
  maxAge: string;
  locations: string[];
  genders: string[];
  interests: string[];
  minPurchases: string;
  minTotalSpent: string;
  engagementFrequencies: string[];
  contentPreferences: string[];
  engagementLevels: string[];
  minSessionDuration: string;
  activeWithinDays: string;
  minInteractionScore: string;
  advanced: GroupNode;
  extra: Record<string, unknown>;
}

export const listOperators = new Set(["in", "not_in", "contains_any", "contains_all"]);
export const valuelessOperators = new Set(["exists", "not_exists"]);

/** The ages `age_range` spans when the form leaves a bound empty. */
export const AGE_LIMITS = [0, 150] as const;

let nextId = 0;
export function newId(): string {
  nextId += 1;
  return `node-${nextId}`;
}

export function emptyRule(field = ""): RuleNode {
  return { type: "rule", id: newId(), field, op: "eq", value: "", valueTo: "" };
}

export function emptyGroup(kind: GroupKind = "all"): GroupNode {
  return { type: "group", id: newId(), kind, items: [] };
}

export function emptyCriteriaValues(): CriteriaFormValues {
  return {
    minAge: "",
    maxAge: "",
    locations: [],
    genders: [],
    interests: [],
    minPurchases: "",
    minTotalSpent: "",
    engagementFrequencies: [],
    contentPreferences: [],
    engagementLevels: [],
    minSessionDuration: "",
    activeWithinDays: "",
    minInteractionScore: "",
    advanced: emptyGroup("all"),
    extra: {},
  };
}

/** A rule still being typed (no field, a trait without a name, no value) is left out until it is complete. */
export function isRuleComplete(rule: RuleNode): boolean {
  if (!rule.field.trim() || rule.field.endsWith(".") || !rule.op) return false;
  if (valuelessOperators.has(rule.op)) return true;
  if (rule.op === "between") return rule.value.trim() !== "" && rule.valueTo.trim() !== "";
  if (listOperators.has(rule.op)) return rule.value.split(",").some((part) => part.trim() !== "");
  return rule.value.trim() !== "";
}

export const eventMeasureOptions = [
  { value: "count", label: "Number of events" },
  { value: "sum", label: "Total of" },
  { value: "avg", label: "Average of" },
  { value: "min", label: "Smallest" },
  { value: "max", label: "Largest" },
  { value: "last_seen_days", label: "Last done within (days)" },
  { value: "first_seen_days", label: "First done within (days)" },
] as const;

export const comparisonOperators = ["eq", "gt", "gte", "lt", "lte", "between"] as const;

export function emptyEvent(): EventNode {
  return {
    type: "event",
    id: newId(),
    name: "",
    where: [],
    window: "all",
    days: "",
    from: "",
    to: "",
    measure: "count",
    of: "value",
    op: "gte",
    value: "",
    valueTo: "",
  };
}

export function emptySegmentRef(): SegmentRefNode {
  return { type: "segment", id: newId(), segmentId: "" };
}

const seenMeasures = new Set(["last_seen_days", "first_seen_days"]);
export const isSeenMeasure = (measure: string) => seenMeasures.has(measure);

/** An event condition still being filled in is left out until it has a name, a window and a measure. */
export function isEventComplete(event: EventNode): boolean {
  if (!event.name.trim()) return false;
  if (isSeenMeasure(event.measure)) return event.value.trim() !== "";
  if (event.window === "days" && event.days.trim() === "") return false;
  if (event.window === "between" && (!event.from || !event.to)) return false;
  if (event.measure !== "count" && !event.of.trim()) return false;
  if (event.op === "between") return event.value.trim() !== "" && event.valueTo.trim() !== "";
  return event.value.trim() !== "";
}
