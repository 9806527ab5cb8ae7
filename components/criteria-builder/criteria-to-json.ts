import {
  AGE_LIMITS,
  type CriteriaFormValues,
  type CriteriaNode,
  type EventNode,
  isEventComplete,
  isRuleComplete,
  isSeenMeasure,
  listOperators,
  type RuleNode,
  valuelessOperators,
} from "./criteria-model";

/** The form state to the criteria JSON the API stores. */
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

export type FieldTypes = Record<string, string | undefined>;

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

/** Numbers where the text is one, else the text: the API names what is wrong with it. */
const numberOrText = (text: string) => toNumber(text) ?? text.trim();

function eventToJson(node: EventNode, types: FieldTypes): Record<string, unknown> | undefined {
  if (!isEventComplete(node)) return undefined;
  const event: Record<string, unknown> = { name: node.name.trim() };
  const where = node.where.map((rule) => ruleToJson(rule, types)).filter((rule) => rule !== undefined);
  if (where.length) event.where = where;
  if (isSeenMeasure(node.measure)) {
    event[node.measure] = numberOrText(node.value);
    return { event };
  }
  if (node.window === "days") event.within_days = numberOrText(node.days);
  if (node.window === "between") event.between = [node.from, node.to];
  const comparison =
    node.op === "between"
      ? { between: [numberOrText(node.value), numberOrText(node.valueTo)] }
      : { [node.op]: numberOrText(node.value) };
  event[node.measure] = node.measure === "count" ? comparison : { of: node.of.trim(), ...comparison };
  return { event };
}

function nodeToJson(node: CriteriaNode, types: FieldTypes): unknown {
  if (node.type === "raw") return node.json;
  if (node.type === "event") return eventToJson(node, { ...types, value: "number" });
  if (node.type === "segment") return node.segmentId ? { in_segment: node.segmentId } : undefined;
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
