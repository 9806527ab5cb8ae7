import type { Condition, CriteriaNode, Group } from "./ast";
import {
  isProfileField,
  type Operator,
  operators,
  operatorsByType,
  type ProfileField,
  profileFields,
  TRAIT_PREFIX,
  traitKeyPattern,
} from "./fields";
import { parseEventCondition, parseSegmentReference } from "./parse-events";
import {
  type CriteriaIssue,
  criteriaLimits,
  invalid,
  isPlainObject,
  type Path,
  ValueParser,
} from "./parse-values";
import { parseSpecKey, specKeys } from "./spec-keys";

export { type CriteriaIssue, criteriaLimits } from "./parse-values";
export { specKeys } from "./spec-keys";

export type ParseResult = { ok: true; node: Group } | { ok: false; issues: CriteriaIssue[] };

const groupKeys = ["all", "any", "not", "min_match"] as const;
/** Behaviour (issue 13): a condition on the user's events, or membership of another segment. */
const behaviorKeys = ["event", "in_segment"] as const;
const objectKeys = new Set<string>([...specKeys, ...groupKeys, ...behaviorKeys]);
const ruleKeys = new Set(["field", "op", "value"]);

/** The structure: objects, their all/any/not/min_match, and rules. */
class Parser extends ValueParser {
  object(input: unknown, path: Path, depth: number): Group | undefined {
    if (!isPlainObject(input)) return this.fail(path, "Expected an object of criteria");
    if (depth > criteriaLimits.maxDepth) {
      return this.fail(path, `Criteria may nest at most ${criteriaLimits.maxDepth} levels deep`);
    }
    for (const key of Object.keys(input)) {
      if (!objectKeys.has(key)) this.fail([...path, key], `Unknown criteria key "${key}"`);
    }
    const children: CriteriaNode[] = [];
    for (const key of specKeys) {
      if (input[key] !== undefined) children.push(...parseSpecKey(this, key, input[key], [...path, key]));
    }
    if (input.event !== undefined) {
      children.push(...parseEventCondition(this, input.event, [...path, "event"]));
    }
    if (input.in_segment !== undefined) {
      children.push(...parseSegmentReference(this, input.in_segment, [...path, "in_segment"]));
    }
    if (input.all !== undefined) {
      const items = this.list(input.all, [...path, "all"], depth);
      children.push(...items);
    }
    if (input.any !== undefined) {
      const items = this.list(input.any, [...path, "any"], depth);
      children.push({
        kind: "group",
        path: [...path, "any"].join("."),
        mode: "any",
        minMatch: null,
        children: items,
      });
    }
    if (input.not !== undefined) {
      const child = this.item(input.not, [...path, "not"], depth + 1);
      if (child) children.push({ kind: "not", path: [...path, "not"].join("."), child });
    }
    let minMatch: number | null = null;
    if (input.min_match !== undefined) {
      const value = input.min_match;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
        this.fail([...path, "min_match"], "min_match must be a number from 0 to 1");
      } else if (children.length === 0) {
        this.fail([...path, "min_match"], "min_match needs at least one condition beside it");
      } else minMatch = value;
    }
    return { kind: "group", path: path.join("."), mode: "all", minMatch, children };
  }

  list(input: unknown, path: Path, depth: number): CriteriaNode[] {
    if (!Array.isArray(input) || input.length === 0) {
      this.fail(path, "Expected a non-empty list of criteria objects or rules");
      return [];
    }
    if (input.length > criteriaLimits.maxConditions) {
      this.fail(path, `At most ${criteriaLimits.maxConditions} items`);
      return [];
    }
    return input.flatMap((item, i) => this.item(item, [...path, i], depth + 1) ?? []);
  }

  item(input: unknown, path: Path, depth: number): CriteriaNode | undefined {
    if (isPlainObject(input) && ("field" in input || "op" in input)) return this.rule(input, path);
    return this.object(input, path, depth);
  }

  rule(input: Record<string, unknown>, path: Path): Condition | undefined {
    for (const key of Object.keys(input)) {
      if (!ruleKeys.has(key)) this.fail([...path, key], `Unknown rule key "${key}"`);
    }
    const { field, op } = input;
    if (typeof field !== "string") return this.fail([...path, "field"], "field must be a string");
    if (typeof op !== "string" || !(operators as readonly string[]).includes(op)) {
      return this.fail([...path, "op"], `op must be one of ${operators.join(", ")}`);
    }
    const operator = op as Operator;
    const valuePath = [...path, "value"];
    if (field.startsWith(TRAIT_PREFIX)) {
      const key = field.slice(TRAIT_PREFIX.length);
      if (!traitKeyPattern.test(key)) {
        return this.fail([...path, "field"], "A trait key is 1 to 64 letters, digits, _ or -");
      }
      if (!operatorsByType.json.includes(operator)) {
        return this.fail([...path, "op"], `Traits do not support ${op}`);
      }
      const value = this.traitValue(operator, input.value, valuePath, "value" in input);
      if (value === invalid) return undefined;
      return this.condition(path, field, operator, value, key);
    }
    if (!isProfileField(field)) {
      return this.fail([...path, "field"], `Unknown field "${field}" (a profile field or traits.<name>)`);
    }
    const spec: ProfileField = profileFields[field];
    if (!operatorsByType[spec.type].includes(operator)) {
      return this.fail([...path, "op"], `${field} supports ${operatorsByType[spec.type].join(", ")}`);
    }
    const value = this.fieldValue(spec, operator, input.value, valuePath, "value" in input);
    if (value === invalid) return undefined;
    return this.condition(path, field, operator, value);
  }
}

/** Validates criteria JSON and turns it into a tree of normalised conditions. */
export function parseCriteria(input: unknown): ParseResult {
  const parser = new Parser();
  const node = parser.object(input, [], 0);
  if (parser.issues.length > 0 || !node) {
    return {
      ok: false,
      issues: parser.issues.length > 0 ? parser.issues : [{ path: [], message: "Invalid" }],
    };
  }
  return { ok: true, node };
}

/** For criteria that were validated before (stored segments): throws if they no longer parse. */
export function parseValidCriteria(input: unknown): Group {
  const result = parseCriteria(input);
  if (!result.ok) {
    const first = result.issues[0];
    throw new Error(`Invalid stored criteria at ${first.path.join(".") || "(root)"}: ${first.message}`);
  }
  return result.node;
}
