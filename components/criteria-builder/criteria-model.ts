/**
 * The builder's form state and its two-way mapping to the criteria JSON the API stores.
 * Anything the form cannot show (an unknown key, a value of another shape) is kept verbatim in `extra`,
 * so that switching between the form and the JSON never loses a condition.
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

const AGE_LIMITS = [0, 150] as const;

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

function toNumber(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Typed text to a JSON value: numbers for numeric fields, true/false for booleans, else the text. */
function coerce(text: string, fieldType: string | undefined): unknown {
  const trimmed = text.trim();
  if (fieldType === "string" || fieldType === "string[]") return trimmed;
  if (fieldType === "boolean" || fieldType === undefined) {
    if (trimmed === "true") return true;
    if (trimmed === "false") return false;
  }
  if (fieldType === "number" || fieldType === undefined) {
    const value = toNumber(trimmed);
    if (value !== undefined) return value;
  }
  return trimmed;
}

/** A value-or-list field: one value is sent as itself, several as a list (the spec's examples use both). */
function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}

type FieldTypes = Record<string, string | undefined>;

/** A rule still being typed (no field, a trait without a name, no value) is left out until it is complete. */
export function isRuleComplete(rule: RuleNode): boolean {
  if (!rule.field.trim() || rule.field.endsWith(".") || !rule.op) return false;
  if (valuelessOperators.has(rule.op)) return true;
  if (rule.op === "between") return rule.value.trim() !== "" && rule.valueTo.trim() !== "";
  if (listOperators.has(rule.op)) return rule.value.split(",").some((part) => part.trim() !== "");
  return rule.value.trim() !== "";
}

function ruleToJson(rule: RuleNode, types: FieldTypes): Record<string, unknown> | undefined {
  if (!isRuleComplete(rule)) return undefined;
  const type = types[rule.field];
  const json: Record<string, unknown> = { field: rule.field.trim(), op: rule.op };
  if (valuelessOperators.has(rule.op)) return json;
  if (listOperators.has(rule.op)) {
    const itemType = type === "string[]" ? "string" : type;
    json.value = rule.value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => coerce(part, itemType));
  } else if (rule.op === "between") {
    json.value = [coerce(rule.value, type), coerce(rule.valueTo, type)];
  } else if (rule.op === "within_last_days") {
    json.value = toNumber(rule.value) ?? rule.value.trim();
  } else {
    json.value = coerce(rule.value, type);
  }
  return json;
}

function nodeToJson(node: CriteriaNode, types: FieldTypes): unknown {
  if (node.type === "raw") return node.json;
  if (node.type === "rule") return ruleToJson(node, types);
  const items = node.items.map((item) => nodeToJson(item, types)).filter((item) => item !== undefined);
  if (items.length === 0) return undefined;
  if (node.kind === "not") return { not: items.length === 1 ? items[0] : { all: items } };
  return { [node.kind]: items };
}

export function toCriteria(values: CriteriaFormValues, types: FieldTypes = {}): Record<string, unknown> {
  const criteria: Record<string, unknown> = { ...values.extra };
  const minAge = toNumber(values.minAge);
  const maxAge = toNumber(values.maxAge);
  // The criteria language wants both ends; an open end is the widest age it accepts.
  if (minAge !== undefined || maxAge !== undefined) {
    criteria.age_range = [minAge ?? AGE_LIMITS[0], maxAge ?? AGE_LIMITS[1]];
  }
  if (values.locations.length) criteria.location = values.locations;
  if (values.genders.length) criteria.gender = oneOrMany(values.genders);
  if (values.interests.length) criteria.interests = values.interests;
  const purchases: Record<string, number> = {};
  const minPurchases = toNumber(values.minPurchases);
  const minSpent = toNumber(values.minTotalSpent);
  if (minPurchases !== undefined) purchases.min_purchases = minPurchases;
  if (minSpent !== undefined) purchases.total_spent_min = minSpent;
  if (Object.keys(purchases).length) criteria.purchase_history = purchases;
  if (values.engagementFrequencies.length)
    criteria.engagement_frequency = oneOrMany(values.engagementFrequencies);
  if (values.contentPreferences.length) criteria.content_preferences = values.contentPreferences;
  if (values.engagementLevels.length) criteria.engagement_level = oneOrMany(values.engagementLevels);
  const session = toNumber(values.minSessionDuration);
  if (session !== undefined) criteria.avg_session_duration = session;
  const activeDays = toNumber(values.activeWithinDays);
  if (activeDays !== undefined) criteria.last_active_days = activeDays;
  const score = toNumber(values.minInteractionScore);
  if (score !== undefined) criteria.interaction_score_min = score;
  const advanced = nodeToJson(values.advanced, types) as Record<string, unknown> | undefined;
  if (advanced) Object.assign(criteria, advanced);
  return criteria;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");
const isNumber = (value: unknown) => typeof value === "number";
const numberText = (value: unknown) => (typeof value === "number" ? String(value) : "");
const valueText = (value: unknown) =>
  Array.isArray(value) ? value.map(String).join(", ") : value === undefined ? "" : String(value);

function nodeFromJson(json: unknown): CriteriaNode {
  if (isRecord(json)) {
    const keys = Object.keys(json);
    if (keys.length === 1 && (keys[0] === "all" || keys[0] === "any") && Array.isArray(json[keys[0]])) {
      return groupFromJson(keys[0], json[keys[0]] as unknown[]);
    }
    if (keys.length === 1 && keys[0] === "not") return notGroupFromJson(json.not);
    if (typeof json.field === "string" && typeof json.op === "string" && keys.every(isRuleKey)) {
      const between = json.op === "between" && Array.isArray(json.value);
      return {
        type: "rule",
        id: newId(),
        field: json.field,
        op: json.op,
        value: between ? valueText((json.value as unknown[])[0]) : valueText(json.value),
        valueTo: between ? valueText((json.value as unknown[])[1]) : "",
      };
    }
  }
  return { type: "raw", id: newId(), json };
}

const isRuleKey = (key: string) => key === "field" || key === "op" || key === "value";

function groupFromJson(kind: "all" | "any", items: unknown[]): GroupNode {
  return { type: "group", id: newId(), kind, items: items.map(nodeFromJson) };
}

function notGroupFromJson(inner: unknown): GroupNode {
  const node = nodeFromJson(inner);
  if (node.type === "group" && node.kind === "all") return { ...node, kind: "not" };
  return { type: "group", id: newId(), kind: "not", items: [node] };
}

/** Reads criteria JSON into the form; what the form cannot show goes to `extra`. */
export function fromCriteria(criteria: Record<string, unknown>): CriteriaFormValues {
  const values = emptyCriteriaValues();
  const extra: Record<string, unknown> = {};
  let advancedTaken = false;
  for (const [key, value] of Object.entries(criteria)) {
    if (!readKey(values, key, value, advancedTaken)) extra[key] = value;
    else if (key === "all" || key === "any" || key === "not") advancedTaken = true;
  }
  values.extra = extra;
  return values;
}

function readKey(values: CriteriaFormValues, key: string, value: unknown, advancedTaken: boolean): boolean {
  switch (key) {
    case "age_range":
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isNumber)) return false;
      values.minAge = value[0] === AGE_LIMITS[0] ? "" : numberText(value[0]);
      values.maxAge = value[1] === AGE_LIMITS[1] ? "" : numberText(value[1]);
      return true;
    case "location":
      return readList(value, (list) => {
        values.locations = list;
      });
    case "interests":
      return readList(value, (list) => {
        values.interests = list;
      });
    case "content_preferences":
      return readList(value, (list) => {
        values.contentPreferences = list;
      });
    case "gender":
      return readOneOrMany(value, (list) => {
        values.genders = list;
      });
    case "engagement_frequency":
      return readOneOrMany(value, (list) => {
        values.engagementFrequencies = list;
      });
    case "engagement_level":
      return readOneOrMany(value, (list) => {
        values.engagementLevels = list;
      });
    case "purchase_history": {
      if (!isRecord(value)) return false;
      const known = Object.keys(value).every((k) => k === "min_purchases" || k === "total_spent_min");
      if (!known || !Object.values(value).every((v) => typeof v === "number")) return false;
      values.minPurchases = numberText(value.min_purchases);
      values.minTotalSpent = numberText(value.total_spent_min);
      return true;
    }
    case "avg_session_duration":
      return readNumber(value, (text) => {
        values.minSessionDuration = text;
      });
    case "last_active_days":
      return readNumber(value, (text) => {
        values.activeWithinDays = text;
      });
    case "interaction_score_min":
      return readNumber(value, (text) => {
        values.minInteractionScore = text;
      });
    case "all":
    case "any":
      if (advancedTaken || !Array.isArray(value)) return false;
      values.advanced = groupFromJson(key, value);
      return true;
    case "not":
      if (advancedTaken || !isRecord(value)) return false;
      values.advanced = notGroupFromJson(value);
      return true;
    default:
      return false;
  }
}

function readList(value: unknown, set: (list: string[]) => void): boolean {
  if (!isStringList(value)) return false;
  set(value);
  return true;
}

function readOneOrMany(value: unknown, set: (list: string[]) => void): boolean {
  if (typeof value === "string") set([value]);
  else if (isStringList(value)) set(value);
  else return false;
  return true;
}

function readNumber(value: unknown, set: (text: string) => void): boolean {
  if (typeof value !== "number") return false;
  set(String(value));
  return true;
}
