import { type SQL, sql } from "drizzle-orm";
import { type Condition, type CriteriaNode, hasMinMatch, listConditions } from "./ast";
import { isProfileField, profileFields } from "./fields";

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
  const key = condition.trait as string;
  const trait = sql`(${traitsColumn} -> ${key}::text)`;
  const { op, value } = condition;
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
export function conditionSql(condition: Condition, now: Date): SQL {
  if (condition.trait !== undefined) return traitConditionSql(condition, now);
  if (!isProfileField(condition.field)) throw new Error(`Unknown field ${condition.field}`);
  const spec = profileFields[condition.field];
  const isArray = spec.type === "string[]";
  const cast = spec.type === "timestamp" ? "::timestamptz" : "";
  // Values out of a jsonb list arrive as text: numbers are compared as numeric, like the oracle does.
  const listCast = spec.type === "number" ? "::numeric" : cast;
  const col = condition.field === "gender" ? sql`lower(${column("gender")})` : column(condition.field);
  const { op, value } = condition;
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

function shareSql(children: CriteriaNode[], now: Date): SQL {
  const counted = sql.join(
    children.map((child) => sql`${isTrue(matchSql(child, now))}::int`),
    sql` + `,
  );
  return sql`((${counted})::float8 / ${children.length}::float8)`;
}

/**
 * The criteria as a WHERE condition over `users`: true exactly for the users the oracle (evaluate.ts)
 * selects. NULL and false are interchangeable at this level; negations and counts coalesce first.
 */
export function matchSql(node: CriteriaNode, now: Date): SQL {
  if (node.kind === "condition") return conditionSql(node, now);
  if (node.kind === "not") return sql`not ${isTrue(matchSql(node.child, now))}`;
  if (node.minMatch !== null) return sql`${shareSql(node.children, now)} >= ${node.minMatch}::float8`;
  if (node.children.length === 0) return sql`true`;
  const joined = sql.join(
    node.children.map((child) => matchSql(child, now)),
    node.mode === "all" ? sql` and ` : sql` or `,
  );
  return sql`(${joined})`;
}

/** The confidence of a matching user: 1, or the matched share where a `min_match` decides. */
export function confidenceSql(node: CriteriaNode, now: Date): SQL {
  if (!hasMinMatch(node) || node.kind !== "group") return sql`1::float8`;
  if (node.minMatch !== null) return shareSql(node.children, now);
  if (node.mode === "all") {
    const scored = node.children.filter(hasMinMatch).map((child) => confidenceSql(child, now));
    return scored.length === 1 ? scored[0] : sql`least(${sql.join(scored, sql`, `)})`;
  }
  const options = node.children.map(
    (child) =>
      sql`case when ${isTrue(matchSql(child, now))} then ${confidenceSql(child, now)} else 0::float8 end`,
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
export function referencedValuesSql(conditions: Condition[]): SQL {
  const fields = [...new Set(conditions.map((c) => c.field))];
  if (fields.length === 0) return sql`'{}'::jsonb`;
  const pairs = fields.map((field) => {
    const value = field.startsWith("traits.")
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
  const values = referencedValuesSql(conditions.filter((c) => fields.has(c.field)));
  const listed = sql.raw(String(REASON_LISTED));
  // A plain expression, not a scalar subquery over the two lists: a correlated subquery is re-run per
  // user and made a refresh with long value lists about 4× slower (it held PGlite's only thread for seconds).
  return sql`jsonb_build_object('met', to_jsonb((${labels(true)})[1:${listed}]),
                'missed', to_jsonb((${labels(false)})[1:${listed}]),
                'met_count', ${metCount}, 'missed_count', ${conditions.length}::int - ${metCount},
                'values', ${values})`;
}
