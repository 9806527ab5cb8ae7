import type { Condition } from "./ast";
import { type Operator, type ProfileField, profileFields } from "./fields";
import { invalid, isPlainObject, type Path, type ValueParser } from "./parse-values";

/** The keys of the spec (section 6), each a condition on the profile. */
export const specKeys = [
  "age_range",
  "location",
  "gender",
  "interests",
  "content_preferences",
  "purchase_history",
  "engagement_frequency",
  "engagement_level",
  "avg_session_duration",
  "last_active_days",
  "interaction_score_min",
] as const;

export type SpecKey = (typeof specKeys)[number];

/** The conditions one spec key stands for, with the meanings of docs/criteria.md. */
export function parseSpecKey(parser: ValueParser, key: SpecKey, value: unknown, path: Path): Condition[] {
  const one = (field: keyof typeof profileFields, op: Operator, parsed: unknown): Condition[] =>
    parsed === invalid ? [] : [parser.condition(path, field, op, parsed)];
  const spec = (field: keyof typeof profileFields) => profileFields[field] as ProfileField;
  const oneOrMany = (field: keyof typeof profileFields) => {
    const list = Array.isArray(value) ? value : [value];
    return parser.values(list, path, (v, p) =>
      parser.scalar(spec(field), v, Array.isArray(value) ? p : path),
    );
  };
  const atLeast = (
    field: keyof typeof profileFields,
    opts: { integer?: boolean; min: number; max?: number },
  ) => {
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (!opts.integer || Number.isInteger(value)) &&
      value >= opts.min &&
      (opts.max === undefined || value <= opts.max);
    const range = opts.max === undefined ? `at least ${opts.min}` : `from ${opts.min} to ${opts.max}`;
    if (!ok)
      return parser.fail(path, `Expected ${opts.integer ? "a whole number" : "a number"} ${range}`) ?? [];
    return one(field, "gte", value);
  };
  switch (key) {
    case "age_range": {
      const range = parser.range(value, path, (v, p) =>
        typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 150
          ? v
          : parser.bad(p, "Expected a whole number from 0 to 150"),
      );
      return one("age", "between", range);
    }
    case "location": {
      if (!Array.isArray(value)) return parser.fail(path, "Expected a list of country codes") ?? [];
      const codes = parser.values(value, path, (v, p) =>
        typeof v === "string" && /^\s*[A-Za-z]{2}\s*$/.test(v)
          ? spec("location").normalize?.(v)
          : parser.bad(p, "Expected a two-letter country code"),
      );
      return one("location", "in", codes);
    }
    case "gender": {
      const list = Array.isArray(value) ? value : [value];
      if (list.some((v) => typeof v === "string" && v.trim().toLowerCase() === "any")) return [];
      return one("gender", "in", oneOrMany("gender"));
    }
    case "interests":
    case "content_preferences": {
      if (!Array.isArray(value)) return parser.fail(path, "Expected a list of values") ?? [];
      return one(
        key,
        "contains_any",
        parser.values(value, path, (v, p) => parser.scalar(spec(key), v, p)),
      );
    }
    case "engagement_frequency":
    case "engagement_level":
      return one(key, "in", oneOrMany(key));
    case "avg_session_duration":
      return atLeast("avg_session_duration", { integer: true, min: 0 });
    case "interaction_score_min":
      return atLeast("interaction_score", { min: 0, max: 1 });
    case "last_active_days": {
      const days = parser.days(value, path);
      return one("last_active_at", "within_last_days", days);
    }
    case "purchase_history": {
      if (!isPlainObject(value))
        return parser.fail(path, "Expected {min_purchases?, total_spent_min?}") ?? [];
      const known = new Set(["min_purchases", "total_spent_min"]);
      for (const k of Object.keys(value)) {
        if (!known.has(k)) parser.fail([...path, k], `Unknown purchase_history key "${k}"`);
      }
      if (value.min_purchases === undefined && value.total_spent_min === undefined) {
        return parser.fail(path, "Give min_purchases, total_spent_min or both") ?? [];
      }
      const result: Condition[] = [];
      const { min_purchases: purchases, total_spent_min: spent } = value;
      if (purchases !== undefined) {
        if (typeof purchases === "number" && Number.isInteger(purchases) && purchases >= 0) {
          result.push(parser.condition([...path, "min_purchases"], "purchase_count", "gte", purchases));
        } else parser.fail([...path, "min_purchases"], "Expected a whole number at least 0");
      }
      if (spent !== undefined) {
        if (typeof spent === "number" && Number.isFinite(spent) && spent >= 0) {
          result.push(parser.condition([...path, "total_spent_min"], "total_spent", "gte", spent));
        } else parser.fail([...path, "total_spent_min"], "Expected a number at least 0");
      }
      return result;
    }
  }
}
