import {
  AGE_LIMITS,
  type CriteriaFormValues,
  type CriteriaNode,
  comparisonOperators,
  type EventNode,
  emptyCriteriaValues,
  emptyEvent,
  eventMeasureOptions,
  type GroupNode,
  isSeenMeasure,
  newId,
  type RuleNode,
} from "./criteria-model";

/** The criteria JSON the API stores to the form state. */
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
    if (keys.length === 1 && keys[0] === "in_segment" && typeof json.in_segment === "string") {
      return { type: "segment", id: newId(), segmentId: json.in_segment };
    }
    if (keys.length === 1 && keys[0] === "event") {
      const event = eventFromJson(json.event);
      if (event) return event;
    }
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

const eventKeys = new Set([
  "name",
  "where",
  "within_days",
  "between",
  ...eventMeasureOptions.map((m) => m.value),
]);

/** `{"event": …}` into the form, or undefined when the form cannot show it (then it stays JSON). */
function eventFromJson(json: unknown): EventNode | undefined {
  if (!isRecord(json) || typeof json.name !== "string") return undefined;
  if (!Object.keys(json).every((key) => eventKeys.has(key))) return undefined;
  const measures = eventMeasureOptions.map((m) => m.value).filter((m) => json[m] !== undefined);
  if (measures.length !== 1) return undefined;
  const node: EventNode = { ...emptyEvent(), name: json.name, measure: measures[0] };
  if (json.where !== undefined) {
    if (!Array.isArray(json.where)) return undefined;
    const rules = json.where.map(nodeFromJson);
    if (!rules.every((rule) => rule.type === "rule")) return undefined;
    node.where = rules as RuleNode[];
  }
  if (typeof json.within_days === "number") [node.window, node.days] = ["days", String(json.within_days)];
  else if (json.within_days !== undefined) return undefined;
  if (Array.isArray(json.between) && json.between.length === 2 && isStringList(json.between)) {
    [node.window, node.from, node.to] = ["between", json.between[0], json.between[1]];
  } else if (json.between !== undefined) return undefined;
  const measure = json[measures[0]];
  if (isSeenMeasure(measures[0])) {
    if (typeof measure !== "number") return undefined;
    node.value = String(measure);
    return node;
  }
  if (!isRecord(measure)) return undefined;
  const ops = comparisonOperators.filter((op) => measure[op] !== undefined);
  const extraKeys = Object.keys(measure).filter(
    (k) => k !== "of" && !(comparisonOperators as readonly string[]).includes(k),
  );
  if (ops.length !== 1 || extraKeys.length > 0) return undefined;
  node.op = ops[0];
  if (measures[0] !== "count") {
    if (typeof measure.of !== "string") return undefined;
    node.of = measure.of;
  }
  const compared = measure[ops[0]];
  if (ops[0] === "between") {
    if (!Array.isArray(compared) || compared.length !== 2) return undefined;
    [node.value, node.valueTo] = [valueText(compared[0]), valueText(compared[1])];
  } else node.value = valueText(compared);
  return node;
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
