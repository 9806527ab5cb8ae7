import { isProfileField, type Operator, profileFields, TRAIT_PREFIX } from "./fields";

/** Every operator of the criteria language in words: the builder's operator picker and the sentences below. */
export const operatorLabels: Record<Operator, string> = {
  eq: "is",
  neq: "is not",
  in: "is one of",
  not_in: "is none of",
  contains_any: "include any of",
  contains_all: "include all of",
  gt: "is above",
  gte: "is at least",
  lt: "is below",
  lte: "is at most",
  between: "is between",
  exists: "is set",
  not_exists: "is not set",
  within_last_days: "is within the last (days)",
};

function fieldLabel(field: string): string {
  if (isProfileField(field)) return profileFields[field].label;
  return `Trait ${field.slice(TRAIT_PREFIX.length)}`;
}

// Labels are stored in every member's assignment reason: they name a few values, never a whole list.
const SHOWN_VALUES = 3;
const SHOWN_CHARACTERS = 40;

function show(value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, SHOWN_VALUES).map(show).join(", ");
    const more = value.length - SHOWN_VALUES;
    return more > 0 ? `${shown} and ${more} more` : shown;
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS - 1)}…` : text;
}

/** A condition's label in explain and in assignment reasons, e.g. "Age is between 25 and 45". */
export function describeCondition(field: string, op: Operator, value: unknown): string {
  const label = fieldLabel(field);
  if (op === "exists" || op === "not_exists") return `${label} ${operatorLabels[op]}`;
  if (op === "within_last_days") return `${label} within the last ${value} days`;
  if (op === "between" && Array.isArray(value))
    return `${label} is between ${show(value[0])} and ${show(value[1])}`;
  return `${label} ${operatorLabels[op]} ${show(value)}`;
}

const measureLabels: Record<string, string> = {
  sum: "total",
  avg: "average",
  min: "smallest",
  max: "largest",
};

function describeRule(rule: { field: string; op: Operator; value: unknown }): string {
  const label = rule.field === "value" ? "value" : rule.field;
  if (rule.op === "exists" || rule.op === "not_exists") return `${label} ${operatorLabels[rule.op]}`;
  if (rule.op === "between" && Array.isArray(rule.value))
    return `${label} is between ${show(rule.value[0])} and ${show(rule.value[1])}`;
  return `${label} ${operatorLabels[rule.op]} ${show(rule.value)}`;
}

/**
 * An event condition in words, e.g. "purchase (category is books) in the last 30 days: count is at least 3".
 * Short and bounded like every label: at most SHOWN_VALUES where rules are named.
 */
export function describeEvent(
  event: {
    name: string;
    where: { field: string; op: Operator; value: unknown }[];
    window: { days: number } | { from: string; to: string } | null;
    measure: string;
    of: string | null;
  },
  op: Operator,
  value: unknown,
): string {
  const rules = event.where.slice(0, SHOWN_VALUES).map(describeRule);
  if (event.where.length > SHOWN_VALUES) rules.push(`${event.where.length - SHOWN_VALUES} more`);
  const where = rules.length > 0 ? ` (${rules.join(", ")})` : "";
  if (event.measure === "last_seen_days") return `Last ${event.name}${where} within the last ${value} days`;
  if (event.measure === "first_seen_days") return `First ${event.name}${where} within the last ${value} days`;
  const window =
    event.window === null
      ? ""
      : "days" in event.window
        ? ` in the last ${event.window.days} days`
        : ` from ${event.window.from.slice(0, 10)} to ${event.window.to.slice(0, 10)}`;
  const measure =
    event.measure === "count" ? "count" : `${measureLabels[event.measure]} of ${event.of ?? "value"}`;
  const comparison =
    op === "between" && Array.isArray(value)
      ? `is between ${show(value[0])} and ${show(value[1])}`
      : `${operatorLabels[op]} ${show(value)}`;
  return `${event.name}${where}${window}: ${measure} ${comparison}`;
}

/** `{"in_segment": id}` in words. */
export function describeSegmentReference(id: string): string {
  return `Member of segment ${id}`;
}
