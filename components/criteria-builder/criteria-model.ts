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

export type CriteriaNode = RuleNode | GroupNode | RawNode;

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
