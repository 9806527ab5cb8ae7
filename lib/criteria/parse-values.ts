import { isStorableInstant, storableInstantMessage } from "@/lib/api/storable-instant";
import type { Condition, TraitScalar } from "./ast";
import { describeCondition } from "./describe-condition";
import type { Operator, ProfileField } from "./fields";

/**
 * Limits that keep one criteria document from tying up the database. `maxTotalValues` caps the values of
 * all lists together: the per-list limit alone would allow 100 lists of 1,000.
 */
export const criteriaLimits = {
  maxDepth: 6,
  maxConditions: 100,
  maxListLength: 1000,
  maxTotalValues: 5000,
  maxStringLength: 200,
};

export interface CriteriaIssue {
  path: (string | number)[];
  message: string;
}

export type Path = (string | number)[];

/** Marks a value that failed validation (its issue is already recorded). */
export const invalid = Symbol("invalid");

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Validates and normalises values, collecting every issue with its path instead of stopping at the first. */
export class ValueParser {
  issues: CriteriaIssue[] = [];
  conditions = 0;
  listValues = 0;

  fail(path: Path, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  condition(path: Path, field: string, op: Operator, value: unknown, trait?: string): Condition {
    this.conditions += 1;
    if (this.conditions === criteriaLimits.maxConditions + 1) {
      this.fail([], `Criteria may hold at most ${criteriaLimits.maxConditions} conditions`);
    }
    return {
      kind: "condition",
      path: path.join("."),
      label: describeCondition(field, op, value),
      field,
      ...(trait ? { trait } : {}),
      op,
      value,
    };
  }

  fieldValue(spec: ProfileField, op: Operator, value: unknown, path: Path, given: boolean): unknown {
    if (op === "exists" || op === "not_exists") return given ? this.bad(path, `${op} takes no value`) : null;
    if (op === "within_last_days") return this.days(value, path);
    const scalar = (v: unknown, p: Path) => this.scalar(spec, v, p);
    if (op === "in" || op === "not_in" || op === "contains_any" || op === "contains_all") {
      return this.values(value, path, scalar);
    }
    if (op === "between") return this.range(value, path, scalar);
    return scalar(value, path);
  }

  scalar(spec: ProfileField, value: unknown, path: Path): unknown {
    if (spec.type === "number") {
      if (typeof value !== "number" || !Number.isFinite(value)) return this.bad(path, "Expected a number");
      if (spec.integer && !Number.isInteger(value)) return this.bad(path, "Expected a whole number");
      return value;
    }
    if (spec.type === "timestamp") {
      const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(time)) return this.bad(path, "Expected an ISO 8601 date-time");
      if (!isStorableInstant(time)) return this.bad(path, storableInstantMessage);
      return new Date(time).toISOString();
    }
    const text = this.string(value, path);
    if (text === invalid) return invalid;
    const normalized = spec.normalize ? spec.normalize(text as string) : text;
    if (spec.allowed && !spec.allowed.includes(normalized as string)) {
      return this.bad(path, `Expected one of ${spec.allowed.join(", ")}`);
    }
    return normalized;
  }

  traitValue(op: Operator, value: unknown, path: Path, given: boolean): unknown {
    if (op === "exists" || op === "not_exists") return given ? this.bad(path, `${op} takes no value`) : null;
    const number = (v: unknown, p: Path) =>
      typeof v === "number" && Number.isFinite(v) ? v : this.bad(p, "Expected a number");
    const traitScalar = (v: unknown, p: Path): TraitScalar | typeof invalid => {
      if (typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) return v;
      return this.string(v, p) as string | typeof invalid;
    };
    if (op === "in" || op === "not_in") return this.values(value, path, traitScalar);
    if (op === "contains_any" || op === "contains_all") {
      return this.values(value, path, (v, p) => this.string(v, p));
    }
    if (op === "between") return this.range(value, path, number);
    if (op === "eq" || op === "neq") return traitScalar(value, path);
    return number(value, path);
  }

  values(value: unknown, path: Path, each: (v: unknown, p: Path) => unknown): unknown {
    if (!Array.isArray(value) || value.length === 0) return this.bad(path, "Expected a non-empty list");
    if (value.length > criteriaLimits.maxListLength) {
      return this.bad(path, `At most ${criteriaLimits.maxListLength} values`);
    }
    const before = this.listValues;
    this.listValues += value.length;
    if (before <= criteriaLimits.maxTotalValues && this.listValues > criteriaLimits.maxTotalValues) {
      this.fail([], `Criteria may hold at most ${criteriaLimits.maxTotalValues} values in all their lists`);
    }
    const parsed = value.map((v, i) => each(v, [...path, i]));
    return parsed.includes(invalid) ? invalid : [...new Set(parsed)];
  }

  range(value: unknown, path: Path, each: (v: unknown, p: Path) => unknown): unknown {
    if (!Array.isArray(value) || value.length !== 2) return this.bad(path, "Expected [min, max]");
    const [min, max] = [each(value[0], [...path, 0]), each(value[1], [...path, 1])];
    if (min === invalid || max === invalid) return invalid;
    if ((min as number | string) > (max as number | string)) return this.bad(path, "min is above max");
    return [min, max];
  }

  days(value: unknown, path: Path): number | typeof invalid {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 36_500) {
      return this.bad(path, "Expected a whole number of days from 1 to 36500") as typeof invalid;
    }
    return value;
  }

  string(value: unknown, path: Path): string | typeof invalid {
    if (typeof value !== "string" || value.trim() === "")
      return this.bad(path, "Expected a non-empty string");
    if (value.length > criteriaLimits.maxStringLength) {
      return this.bad(path, `At most ${criteriaLimits.maxStringLength} characters`);
    }
    return value;
  }

  bad(path: Path, message: string): typeof invalid {
    this.fail(path, message);
    return invalid;
  }
}
