import { isStorableInstant, storableInstantMessage } from "@/lib/api/storable-instant";
import { type Condition, type EventMeasure, type EventRule, type EventSpec, eventMeasures } from "./ast";
import { describeEvent, describeSegmentReference } from "./describe-condition";
import { type Operator, operators, operatorsByType, traitKeyPattern } from "./fields";
import { criteriaLimits, invalid, isPlainObject, type Path, type ValueParser } from "./parse-values";

/** Event names as the event stream accepts them (lib/events/schemas.ts). */
export const eventNamePattern = /^[a-z0-9_.:-]{1,100}$/;
/** A relative window or a seen-within measure: from 1 day to 10 years. */
export const MAX_EVENT_DAYS = 3650;
export const PROPERTIES_PREFIX = "properties.";

const eventKeys = new Set(["name", "where", "within_days", "between", ...eventMeasures]);
const comparisonOps = ["eq", "gt", "gte", "lt", "lte", "between"] as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{"in_segment": "<id>"}`: whether the referenced segment exists and forms no cycle is checked on save. */
export function parseSegmentReference(parser: ValueParser, value: unknown, path: Path): Condition[] {
  if (typeof value !== "string" || !uuidPattern.test(value)) {
    return parser.fail(path, "Expected a segment id (UUID)") ?? [];
  }
  const id = value.toLowerCase();
  const condition = parser.condition(path, "in_segment", "eq", id);
  return [{ ...condition, label: describeSegmentReference(id), segment: id }];
}

/**
 * `{"event": {name, where?, within_days? | between?, <one measure>}}` (docs/criteria.md). Every problem is
 * reported at its path; the condition counts against the criteria's condition limit like a rule.
 */
export function parseEventCondition(parser: ValueParser, input: unknown, path: Path): Condition[] {
  if (!isPlainObject(input)) return parser.fail(path, "Expected an event condition object") ?? [];
  for (const key of Object.keys(input)) {
    if (!eventKeys.has(key)) parser.fail([...path, key], `Unknown event condition key "${key}"`);
  }
  const name = input.name;
  if (typeof name !== "string" || !eventNamePattern.test(name)) {
    parser.fail([...path, "name"], "Expected an event name: 1 to 100 of a-z 0-9 _ . : -");
  }
  const measures = eventMeasures.filter((m) => input[m] !== undefined);
  if (measures.length === 0) {
    parser.fail(path, `Give one measure: ${eventMeasures.join(", ")}`);
  } else if (measures.length > 1) {
    parser.fail([...path, measures[1]], `Give only one measure (${measures.join(" and ")} given)`);
  }
  const where = input.where === undefined ? [] : parseWhere(parser, input.where, [...path, "where"]);
  const window = parseWindow(parser, input, path);
  if (measures.length !== 1 || typeof name !== "string" || !eventNamePattern.test(name)) return [];
  if (where === invalid || window === invalid) return [];
  const measure = measures[0];
  const measurePath = [...path, measure];
  const raw = input[measure];
  let of: string | null = null;
  let op: Operator;
  let value: unknown;
  if (measure === "last_seen_days" || measure === "first_seen_days") {
    if (window !== null) {
      return parser.fail(measurePath, `${measure} is its own window: give no within_days or between`) ?? [];
    }
    const days = wholeDays(parser, raw, measurePath);
    if (days === invalid) return [];
    [op, value] = ["within_last_days", days];
  } else {
    if (!isPlainObject(raw)) {
      const shape = measure === "count" ? '{"gte": 3}' : '{"of": "value", "gte": 100}';
      return parser.fail(measurePath, `Expected a comparison such as ${shape}`) ?? [];
    }
    if (measure !== "count") {
      const target = parseOf(parser, raw.of, [...measurePath, "of"]);
      if (target === invalid) return [];
      of = target;
    } else if (raw.of !== undefined) {
      return parser.fail([...measurePath, "of"], "count takes no of") ?? [];
    }
    const comparison = parseComparison(parser, raw, measurePath, measure === "count");
    if (comparison === invalid) return [];
    [op, value] = comparison;
  }
  const event: EventSpec = { name, where, window, measure, of };
  const condition = parser.condition(path, `event.${name}.${measure}`, op, value);
  return [{ ...condition, label: describeEvent(event, op, value), event }];
}

function wholeDays(parser: ValueParser, value: unknown, path: Path): number | typeof invalid {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_EVENT_DAYS) {
    return parser.bad(path, `Expected a whole number of days from 1 to ${MAX_EVENT_DAYS}`) as typeof invalid;
  }
  return value;
}

function parseOf(parser: ValueParser, value: unknown, path: Path): string | typeof invalid {
  if (value === undefined) return parser.bad(path, 'Give of: "value" or "properties.<key>"');
  if (value === "value") return "value";
  if (typeof value === "string" && value.startsWith(PROPERTIES_PREFIX)) {
    if (traitKeyPattern.test(value.slice(PROPERTIES_PREFIX.length))) return value;
  }
  return parser.bad(
    path,
    'Expected "value" or "properties.<key>" (a key of 1 to 64 letters, digits, _ or -)',
  );
}

/** Exactly one of eq, gt, gte, lt, lte, between beside `of`. */
function parseComparison(
  parser: ValueParser,
  raw: Record<string, unknown>,
  path: Path,
  isCount: boolean,
): [Operator, unknown] | typeof invalid {
  for (const key of Object.keys(raw)) {
    if (key !== "of" && !(comparisonOps as readonly string[]).includes(key)) {
      parser.fail([...path, key], `Unknown comparison "${key}" (${comparisonOps.join(", ")})`);
      return invalid;
    }
  }
  const given = comparisonOps.filter((op) => raw[op] !== undefined);
  if (given.length !== 1) {
    return parser.bad(
      given.length === 0 ? path : [...path, given[1]],
      `Give exactly one comparison: ${comparisonOps.join(", ")}`,
    );
  }
  const op = given[0];
  const number = (v: unknown, p: Path) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return parser.bad(p, "Expected a number");
    if (isCount && (!Number.isInteger(v) || v < 0))
      return parser.bad(p, "Expected a whole number at least 0");
    return v;
  };
  const value =
    op === "between" ? parser.range(raw[op], [...path, op], number) : number(raw[op], [...path, op]);
  return value === invalid ? invalid : [op, value];
}

function parseWhere(parser: ValueParser, input: unknown, path: Path): EventRule[] | typeof invalid {
  if (!Array.isArray(input) || input.length === 0)
    return parser.bad(path, "Expected a non-empty list of rules");
  if (input.length > criteriaLimits.maxConditions) {
    return parser.bad(path, `At most ${criteriaLimits.maxConditions} rules`);
  }
  const rules = input.map((rule, i) => parseEventRule(parser, rule, [...path, i]));
  return rules.includes(invalid) ? invalid : (rules as EventRule[]);
}

const numberSpec = { label: "Value", type: "number" } as const;

function parseEventRule(parser: ValueParser, input: unknown, path: Path): EventRule | typeof invalid {
  if (!isPlainObject(input)) return parser.bad(path, 'Expected a rule {"field", "op", "value"}');
  for (const key of Object.keys(input)) {
    if (!["field", "op", "value"].includes(key))
      return parser.bad([...path, key], `Unknown rule key "${key}"`);
  }
  // Where rules count against the condition limit: each is one more test per event in the statement.
  parser.conditions += 1;
  const { field, op } = input;
  if (typeof op !== "string" || !(operators as readonly string[]).includes(op)) {
    return parser.bad([...path, "op"], `op must be one of ${operators.join(", ")}`);
  }
  const operator = op as Operator;
  const given = "value" in input;
  if (field === "value") {
    if (!operatorsByType.number.includes(operator)) {
      return parser.bad([...path, "op"], `value supports ${operatorsByType.number.join(", ")}`);
    }
    const value = parser.fieldValue(numberSpec, operator, input.value, [...path, "value"], given);
    return value === invalid ? invalid : { field, op: operator, value };
  }
  if (typeof field === "string" && field.startsWith(PROPERTIES_PREFIX)) {
    const key = field.slice(PROPERTIES_PREFIX.length);
    if (!traitKeyPattern.test(key)) {
      return parser.bad([...path, "field"], "A property key is 1 to 64 letters, digits, _ or -");
    }
    if (!operatorsByType.json.includes(operator))
      return parser.bad([...path, "op"], `Properties do not support ${op}`);
    const value = parser.traitValue(operator, input.value, [...path, "value"], given);
    return value === invalid ? invalid : { field, key, op: operator, value };
  }
  return parser.bad([...path, "field"], 'Expected "value" or "properties.<key>"');
}

/** An ISO date (its whole UTC day) or date-time, as the instant that starts (or ends) it. */
function parseInstant(
  parser: ValueParser,
  value: unknown,
  path: Path,
  end: boolean,
): string | typeof invalid {
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) return parser.bad(path, "Expected an ISO 8601 date or date-time");
  if (!isStorableInstant(time)) return parser.bad(path, storableInstantMessage);
  if (!end || !DATE_ONLY.test(value as string)) return new Date(time).toISOString();
  // A date as the end means its whole UTC day: up to the last microsecond PostgreSQL can store.
  return `${new Date(time + DAY_MS - 1).toISOString().slice(0, -1)}999Z`;
}

function parseWindow(
  parser: ValueParser,
  input: Record<string, unknown>,
  path: Path,
): EventSpec["window"] | typeof invalid {
  const { within_days: days, between } = input;
  if (days !== undefined && between !== undefined) {
    return parser.bad([...path, "between"], "Give within_days or between, not both");
  }
  if (days !== undefined) {
    const parsed = wholeDays(parser, days, [...path, "within_days"]);
    return parsed === invalid ? invalid : { days: parsed };
  }
  if (between === undefined) return null;
  const p = [...path, "between"];
  if (!Array.isArray(between) || between.length !== 2) return parser.bad(p, "Expected [from, to]");
  const from = parseInstant(parser, between[0], [...p, 0], false);
  const to = parseInstant(parser, between[1], [...p, 1], true);
  if (from === invalid || to === invalid) return invalid;
  if (Date.parse(from) > Date.parse(to)) return parser.bad(p, "from is after to");
  return { from, to };
}

export type { EventMeasure };
