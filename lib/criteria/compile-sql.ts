import { type SQL, sql } from "drizzle-orm";
import {
  type Condition,
  type CriteriaNode,
  type EventRule,
  type EventSpec,
  hasMinMatch,
  listConditions,
} from "./ast";
import { type FieldType, isProfileField, type Operator, profileFields } from "./fields";

/**
 * How event conditions are compiled. `per_user`: a correlated aggregate per user row over the
 * (user_id, name, occurred_at) index, what evaluating a few users needs. `set`: the users whose events
 * pass, aggregated once over the events (a hashed subplan), what scanning every user needs.
 */
export type CompileMode = "per_user" | "set";

// Column references are constant text from the field catalogue (never user input); every criteria
// value travels as a parameter. The table is never aliased, so these render in any statement over `users`.
const column = (name: string) => sql.raw(`"users"."${name}"`);
const traitsColumn = sql.raw(`"users"."traits"`);

const DAY_MS = 86_400_000;

// A list of values is one jsonb parameter, however long: a statement never nears the 65,535 parameters
// the protocol allows, whatever the criteria. `x in (select …)` is planned as one hashed subplan.
const jsonList = (values: unknown[]) => sql`${JSON.stringify(values)}::jsonb`;
const valueList = (values: unknown[], cast = "") =>
  sql`(select v${sql.raw(cast)} from jsonb_array_elements_text(${jsonList(values)}) as t(v))`;
const jsonValueList = (values: unknown[]) =>
  sql`(select v from jsonb_array_elements(${jsonList(values)}) as t(v))`;
const textArray = (values: unknown[]) => sql`array(select jsonb_array_elements_text(${jsonList(values)}))`;
const comparators = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

function traitConditionSql(condition: Condition, now: Date): SQL {
  return jsonConditionSql(traitsColumn, condition.trait as string, condition.op, condition.value, now);
}

/** A test of one key of a jsonb object column: a trait of the profile, or a property of an event. */
function jsonConditionSql(traitsColumn: SQL, key: string, op: Operator, value: unknown, now: Date): SQL {
  const trait = sql`(${traitsColumn} -> ${key}::text)`;
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  const numeric = sql`(case when jsonb_typeof(${trait}) = 'number' then (${traitsColumn} ->> ${key}::text)::numeric end)`;
  switch (op) {
    case "exists":
      return sql`(${traitsColumn} ? ${key}::text)`;
    case "not_exists":
      return sql`not (${traitsColumn} ? ${key}::text)`;
    case "eq":
      return sql`${trait} = ${json(value)}`;
    case "neq":
      return sql`not coalesce(${trait} = ${json(value)}, false)`;
    case "in":
      return sql`${trait} in ${jsonValueList(value as unknown[])}`;
    case "not_in":
      return sql`not coalesce(${trait} in ${jsonValueList(value as unknown[])}, false)`;
    case "contains_any":
      return sql`(jsonb_typeof(${trait}) = 'array' and ${trait} ?| ${textArray(value as string[])})`;
    case "contains_all":
      return sql`(jsonb_typeof(${trait}) = 'array' and ${trait} ?& ${textArray(value as string[])})`;
    case "between": {
      const [min, max] = value as number[];
      return sql`${numeric} between ${min}::numeric and ${max}::numeric`;
    }
    case "within_last_days":
      throw new Error(`Traits do not support ${op} (${now.toISOString()})`);
    default:
      return sql`${numeric} ${sql.raw(comparators[op])} ${value}::numeric`;
  }
}

/** One condition as SQL. It may be NULL where the oracle says false; callers coalesce where that matters. */
export function conditionSql(condition: Condition, now: Date, mode: CompileMode = "per_user"): SQL {
  if (condition.event !== undefined) return eventConditionSql(condition, condition.event, now, mode);
  if (condition.segment !== undefined) {
    return sql`exists (select 1 from segment_members m
      where m.segment_id = ${condition.segment}::uuid and m.user_id = "users"."id")`;
  }
  if (condition.trait !== undefined) return traitConditionSql(condition, now);
  if (!isProfileField(condition.field)) throw new Error(`Unknown field ${condition.field}`);
  const spec = profileFields[condition.field];
  const col = condition.field === "gender" ? sql`lower(${column("gender")})` : column(condition.field);
  return columnConditionSql(col, spec.type, condition.op, condition.value, now);
}

/** A test of one column (a profile field, or an event's value). */
function columnConditionSql(col: SQL, type: FieldType, op: Operator, value: unknown, now: Date): SQL {
  const isArray = type === "string[]";
  const cast = type === "timestamp" ? "::timestamptz" : "";
  // Values out of a jsonb list arrive as text: numbers are compared as numeric, like the oracle does.
  const listCast = type === "number" ? "::numeric" : cast;
  switch (op) {
    case "exists":
      return isArray ? sql`cardinality(${col}) > 0` : sql`${col} is not null`;
    case "not_exists":
      return isArray ? sql`cardinality(${col}) = 0` : sql`${col} is null`;
    case "eq":
      return sql`${col} = ${value}${sql.raw(cast)}`;
    case "neq":
      return sql`not coalesce(${col} = ${value}${sql.raw(cast)}, false)`;
    case "in":
      return sql`${col} in ${valueList(value as unknown[], listCast)}`;
    case "not_in":
      return sql`not coalesce(${col} in ${valueList(value as unknown[], listCast)}, false)`;
    case "contains_any":
      return sql`${col} && ${textArray(value as string[])}`;
    case "contains_all":
      return sql`${col} @> ${textArray(value as string[])}`;
    case "between": {
      const [min, max] = value as unknown[];
      return sql`${col} between ${min}${sql.raw(cast)} and ${max}${sql.raw(cast)}`;
    }
    case "within_last_days": {
      const cutoff = new Date(now.getTime() - (value as number) * DAY_MS).toISOString();
      return sql`${col} >= ${cutoff}::timestamptz`;
    }
    default:
      return sql`${col} ${sql.raw(comparators[op])} ${value}${sql.raw(cast)}`;
  }
}

const isTrue = (condition: SQL) => sql`coalesce(${condition}, false)`;

function shareSql(children: CriteriaNode[], now: Date, mode: CompileMode): SQL {
  const counted = sql.join(
    children.map((child) => sql`${isTrue(matchSql(child, now, mode))}::int`),
    sql` + `,
  );
  return sql`((${counted})::float8 / ${children.length}::float8)`;
}

/**
 * The criteria as a WHERE condition over `users`: true exactly for the users the oracle (evaluate.ts)
 * selects. NULL and false are interchangeable at this level; negations and counts coalesce first.
 */
export function matchSql(node: CriteriaNode, now: Date, mode: CompileMode = "per_user"): SQL {
  if (node.kind === "condition") return conditionSql(node, now, mode);
  if (node.kind === "not") return sql`not ${isTrue(matchSql(node.child, now, mode))}`;
  if (node.minMatch !== null) return sql`${shareSql(node.children, now, mode)} >= ${node.minMatch}::float8`;
  if (node.children.length === 0) return sql`true`;
  const joined = sql.join(
    node.children.map((child) => matchSql(child, now, mode)),
    node.mode === "all" ? sql` and ` : sql` or `,
  );
  return sql`(${joined})`;
}

/** The confidence of a matching user: 1, or the matched share where a `min_match` decides. */
export function confidenceSql(node: CriteriaNode, now: Date, mode: CompileMode = "per_user"): SQL {
  if (!hasMinMatch(node) || node.kind !== "group") return sql`1::float8`;
  if (node.minMatch !== null) return shareSql(node.children, now, mode);
  if (node.mode === "all") {
    const scored = node.children.filter(hasMinMatch).map((child) => confidenceSql(child, now, mode));
    return scored.length === 1 ? scored[0] : sql`least(${sql.join(scored, sql`, `)})`;
  }
  const options = node.children.map(
    (child) =>
      sql`case when ${isTrue(matchSql(child, now, mode))} then ${confidenceSql(child, now, mode)} else 0::float8 end`,
  );
  return options.length === 1 ? options[0] : sql`greatest(${sql.join(options, sql`, `)})`;
}

/** Each condition's outcome, in listConditions order, as a boolean[] column (explain). */
export function conditionResultsSql(node: CriteriaNode, now: Date): SQL {
  const conditions = listConditions(node);
  if (conditions.length === 0) return sql`array[]::boolean[]`;
  return sql`array[${sql.join(
    conditions.map((c) => isTrue(conditionSql(c, now))),
    sql`, `,
  )}]::boolean[]`;
}

/** The profile values the conditions look at, as one jsonb object keyed by field. */
export function referencedValuesSql(conditions: Condition[], now: Date = new Date()): SQL {
  const byField = new Map<string, Condition>();
  for (const c of conditions) if (!byField.has(c.field)) byField.set(c.field, c);
  const fields = [...byField.keys()];
  if (fields.length === 0) return sql`'{}'::jsonb`;
  const pairs = fields.map((field) => {
    const condition = byField.get(field) as Condition;
    const value = condition.event
      ? eventMeasureSql(condition.event, now)
      : condition.segment
        ? conditionSql(condition, now)
        : field.startsWith("traits.")
          ? sql`${traitsColumn} -> ${field.slice("traits.".length)}::text`
          : column(field);
    return sql`${field}::text, ${value}`;
  });
  // jsonb_build_object takes at most 100 arguments: 40 pairs per call, concatenated.
  const chunks: SQL[] = [];
  for (let i = 0; i < pairs.length; i += 40) {
    chunks.push(sql`jsonb_build_object(${sql.join(pairs.slice(i, i + 40), sql`, `)})`);
  }
  return sql.join(chunks, sql` || `);
}

/** A reason lists at most this many conditions met and missed, and the values of this many fields. */
export const REASON_LISTED = 10;

/** The fields whose profile values a reason shows: the first REASON_LISTED the conditions name. */
export function reasonFields(conditions: Condition[]): string[] {
  return [...new Set(conditions.map((c) => c.field))].slice(0, REASON_LISTED);
}

/**
 * Why a user was assigned, computed in the same statement that assigns the member: the first conditions
 * met and missed (path and short label), how many of each, and the profile values of the first fields.
 * Bounded whatever the criteria, since it is stored in every member row.
 */
export function assignmentReasonSql(node: CriteriaNode, now: Date): SQL {
  const conditions = listConditions(node);
  const outcomes = conditions.map((c) => isTrue(conditionSql(c, now)));
  const labels = (wanted: boolean) =>
    conditions.length === 0
      ? sql`'{}'::text[]`
      : sql`array_remove(array[${sql.join(
          conditions.map(
            (c, i) =>
              sql`case when ${wanted ? sql`` : sql`not `}${outcomes[i]} then ${`${c.path}: ${c.label}`}::text end`,
          ),
          sql`, `,
        )}], null)`;
  const metCount =
    conditions.length === 0
      ? sql`0`
      : sql`(${sql.join(
          outcomes.map((o) => sql`${o}::int`),
          sql` + `,
        )})`;
  const fields = new Set(reasonFields(conditions));
  const values = referencedValuesSql(
    conditions.filter((c) => fields.has(c.field)),
    now,
  );
  const listed = sql.raw(String(REASON_LISTED));
  // A plain expression, not a scalar subquery over the two lists: a correlated subquery is re-run per
  // user and made a refresh with long value lists about 4× slower (it held PGlite's only thread for seconds).
  return sql`jsonb_build_object('met', to_jsonb((${labels(true)})[1:${listed}]),
                'missed', to_jsonb((${labels(false)})[1:${listed}]),
                'met_count', ${metCount}, 'missed_count', ${conditions.length}::int - ${metCount},
                'values', ${values})`;
}

// ---- event conditions (issue 13) ----

const DAYS_MS = 86_400_000;

/** What sum/avg/min/max aggregate: the event's value, or a numeric property (other types count as absent). */
function measuredSql(of: string | null): SQL {
  // Properties are JSON numbers, read exactly as numeric; the value is stored as float8.
  if (of === null || of === "value") return sql`e.value`;
  const key = of.slice("properties.".length);
  return sql`(case when jsonb_typeof(e.properties -> ${key}::text) = 'number'
    then (e.properties ->> ${key}::text)::numeric end)`;
}

function ruleSql(rule: EventRule, now: Date): SQL {
  if (rule.key !== undefined)
    return jsonConditionSql(sql.raw("e.properties"), rule.key, rule.op, rule.value, now);
  return columnConditionSql(sql.raw("e.value"), "number", rule.op, rule.value, now);
}

/** The events of the condition, as a WHERE over `events e` (the user's id excluded). */
function eventFilterSql(event: EventSpec, now: Date): SQL {
  const parts: SQL[] = [sql`e.name = ${event.name}::text`];
  if (event.window && "days" in event.window) {
    const cutoff = new Date(now.getTime() - event.window.days * DAYS_MS).toISOString();
    parts.push(
      sql`e.occurred_at >= ${cutoff}::timestamptz and e.occurred_at <= ${now.toISOString()}::timestamptz`,
    );
  } else if (event.window) {
    parts.push(
      sql`e.occurred_at between ${event.window.from}::timestamptz and ${event.window.to}::timestamptz`,
    );
  }
  for (const rule of event.where) parts.push(sql`coalesce(${ruleSql(rule, now)}, false)`);
  return sql.join(parts, sql` and `);
}

/** The aggregate the measure compares (count of no events 0, sum 0, the others NULL). */
function aggregateSql(event: EventSpec): SQL {
  switch (event.measure) {
    case "count":
      return sql`count(*)`;
    // Summed in numeric: a float8 sum depends on the order rows arrive in (parallel workers add partial
    // sums), so purchases adding up to exactly 500.00 could pass `sum ≥ 500` on one run and not the next.
    case "sum":
      return sql`coalesce(sum((${measuredSql(event.of)})::numeric), 0)`;
    case "avg":
      return sql`avg((${measuredSql(event.of)})::numeric)`;
    case "min":
      return sql`min(${measuredSql(event.of)})`;
    case "max":
      return sql`max(${measuredSql(event.of)})`;
    case "last_seen_days":
      return sql`max(e.occurred_at)`;
    case "first_seen_days":
      return sql`min(e.occurred_at)`;
  }
}

/** The measured value for one user (explain and reasons): a number, a time, or NULL. */
export function eventMeasureSql(event: EventSpec, now: Date): SQL {
  // The table is schema-qualified: a statement's CTE named `events` must never stand in for it.
  return sql`(select ${aggregateSql(event)} from public.events e
    where e.user_id = "users"."id" and ${eventFilterSql(event, now)})`;
}

function comparisonSql(actual: SQL, op: Operator, value: unknown, now: Date): SQL {
  if (op === "within_last_days") {
    return sql`${actual} >= ${new Date(now.getTime() - (value as number) * DAYS_MS).toISOString()}::timestamptz`;
  }
  if (op === "between") {
    const [min, max] = value as number[];
    return sql`${actual} between ${min}::numeric and ${max}::numeric`;
  }
  const symbol = op === "eq" ? "=" : comparators[op as keyof typeof comparators];
  return sql`${actual} ${sql.raw(symbol)} ${value}::numeric`;
}

/** Whether a count condition passes for one event: with zeroPasses false, it passes at zero only. */
function onePasses(condition: Condition): boolean {
  return condition.event?.measure !== "count" || countPasses(condition, 1);
}

/** Whether a user without a single matching event passes (count 0 and sum 0 can). */
function zeroPasses(condition: Condition): boolean {
  return countPasses(condition, 0);
}

/** Whether the comparison of a count or sum holds at `x` (monotone: passing at 0 and not at 1 means 0 only). */
function countPasses(condition: Condition, x: number): boolean {
  const { event, op, value } = condition;
  if (!event || (event.measure !== "count" && event.measure !== "sum")) return false;
  switch (op) {
    case "eq":
      return value === x;
    case "gt":
      return x > (value as number);
    case "gte":
      return x >= (value as number);
    case "lt":
      return x < (value as number);
    case "lte":
      return x <= (value as number);
    case "between":
      return (value as number[])[0] <= x && x <= (value as number[])[1];
    default:
      return false;
  }
}

function eventConditionSql(condition: Condition, event: EventSpec, now: Date, mode: CompileMode): SQL {
  if (mode === "per_user")
    return comparisonSql(eventMeasureSql(event, now), condition.op, condition.value, now);
  // Set-based: the users whose events pass, grouped once. A user without events is in neither list, so
  // where zero passes the condition is "not among those whose events fail".
  const passes = comparisonSql(aggregateSql(event), condition.op, condition.value, now);
  // "The latest such event is within N days" is "some such event is": the window filters the rows, so the
  // (name, occurred_at) index reads only the recent ones.
  const recent =
    event.measure === "last_seen_days"
      ? sql` and e.occurred_at >= ${new Date(now.getTime() - (condition.value as number) * DAYS_MS).toISOString()}::timestamptz`
      : sql``;
  const grouped = (having: SQL) =>
    sql`(select e.user_id from public.events e where ${eventFilterSql(event, now)}${recent}
      group by e.user_id having ${having})`;
  // "Did not do it" (a count that passes at zero only): an anti-join that stops at each user's first event.
  if (zeroPasses(condition) && !onePasses(condition)) {
    return sql`not exists (select 1 from public.events e where e.user_id = "users"."id" and ${eventFilterSql(event, now)})`;
  }
  return zeroPasses(condition)
    ? sql`"users"."id" not in ${grouped(sql`not coalesce(${passes}, false)`)}`
    : sql`"users"."id" in ${grouped(passes)}`;
}
