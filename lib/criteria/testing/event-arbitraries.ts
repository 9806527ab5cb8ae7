import fc from "fast-check";
import type { OracleEvent } from "../evaluate";
import { NOW, ruleArb } from "./arbitraries";

// Issue 13: small domains again, so that random event conditions and random event histories meet: three
// names (and one never sent), windows around the events' ages, values and thresholds in halves (exact in
// float8, numeric and JavaScript alike), properties of mixed JSON types.
const DAY = 86_400_000;
const names = ["purchase", "view", "signup"];
const namesInCriteria = [...names, "refund"];
const categories: unknown[] = ["books", "games", 3, true];
const half = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2);

export const oracleEventArb: fc.Arbitrary<OracleEvent> = fc.record({
  name: fc.constantFrom(...names),
  // Up to 60 days back, and now and then a few minutes ahead (senders' clocks run ahead).
  occurred_at: fc.oneof(
    {
      weight: 12,
      arbitrary: fc.integer({ min: 0, max: 60 * 24 }).map((h) => new Date(NOW.getTime() - h * 3_600_000)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((m) => new Date(NOW.getTime() + m * 60_000)) },
  ),
  value: fc.option(half(100), { nil: null, freq: 4 }),
  properties: fc
    .record(
      { category: fc.constantFrom(...categories), amount: fc.oneof(half(50), fc.constant<unknown>("many")) },
      { requiredKeys: [] },
    )
    .map((p) => ({ ...p })),
});

/** Each user's events: many users have none (count 0, sum 0, the others never match). */
export const historiesArb = (users: number) =>
  fc.array(fc.array(oracleEventArb, { maxLength: 6 }), { minLength: users, maxLength: users });

const day = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
const instant = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();

const windowArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({}),
  fc.integer({ min: 1, max: 45 }).map((within_days) => ({ within_days })),
  fc
    .tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 70 }), fc.boolean())
    .map(([a, b, dates]) => {
      const [older, newer] = a >= b ? [a, b] : [b, a];
      return { between: dates ? [day(older), day(newer)] : [instant(older * 24), instant(newer * 24)] };
    }),
);

const comparisonArb = (value: fc.Arbitrary<number>) =>
  fc.oneof(
    fc.constantFrom("eq", "gt", "gte", "lt", "lte").chain((op) => value.map((v) => ({ [op]: v }))),
    fc.tuple(value, value).map(([a, b]) => ({ between: a <= b ? [a, b] : [b, a] })),
  );

const whereRuleArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .constantFrom("gt", "gte", "lt", "lte", "eq", "neq")
    .chain((op) => half(100).map((value) => ({ field: "value", op, value }))),
  fc.constantFrom("exists", "not_exists").map((op) => ({ field: "value", op })),
  fc
    .constantFrom("eq", "neq")
    .chain((op) =>
      fc.constantFrom(...categories).map((value) => ({ field: "properties.category", op, value })),
    ),
  fc
    .subarray(categories, { minLength: 1 })
    .map((value) => ({ field: "properties.category", op: "in", value })),
  fc.constantFrom("exists", "not_exists").map((op) => ({ field: "properties.amount", op })),
  fc
    .constantFrom("gt", "lte")
    .chain((op) => half(50).map((value) => ({ field: "properties.amount", op, value }))),
);

const ofArb = fc.constantFrom("value", "properties.amount");

const measureArb: fc.Arbitrary<{ measure: Record<string, unknown>; windowed: boolean }> = fc.oneof(
  comparisonArb(fc.integer({ min: 0, max: 4 })).map((c) => ({ measure: { count: c }, windowed: true })),
  fc
    .tuple(fc.constantFrom("sum", "avg", "min", "max"), ofArb, comparisonArb(half(150)))
    .map(([m, of, c]) => ({ measure: { [m]: { of, ...c } }, windowed: true })),
  fc
    .tuple(fc.constantFrom("last_seen_days", "first_seen_days"), fc.integer({ min: 1, max: 45 }))
    .map(([m, days]) => ({ measure: { [m]: days }, windowed: false })),
);

/** `{"event": {…}}` with every measure, optional where rules and every kind of window. */
export const eventConditionArb: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.constantFrom(...namesInCriteria),
    fc.option(fc.array(whereRuleArb, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 2 }),
    windowArb,
    measureArb,
  )
  .map(([name, where, window, { measure, windowed }]) => ({
    event: { name, ...(where ? { where } : {}), ...(windowed ? window : {}), ...measure },
  }));

/** Criteria mixing event conditions with profile rules under all / any / not / min_match. */
export const behaviorCriteriaArb: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{
  object: Record<string, unknown>;
  item: Record<string, unknown>;
}>((tie) => ({
  object: fc
    .tuple(
      fc.option(eventConditionArb, { nil: undefined, freq: 2 }),
      fc.option(fc.array(tie("item"), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 2 }),
      fc.option(fc.array(tie("item"), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 3 }),
      fc.option(tie("item"), { nil: undefined, freq: 3 }),
      fc.option(
        fc.integer({ min: 0, max: 4 }).map((n) => n / 4),
        { nil: undefined, freq: 4 },
      ),
    )
    .map(([event, all, any, not, minMatch]) => {
      const object: Record<string, unknown> = { ...(event ?? {}) };
      if (all) object.all = all;
      if (any) object.any = any;
      if (not) object.not = not;
      if (minMatch !== undefined && Object.keys(object).length > 0) object.min_match = minMatch;
      return object;
    }),
  item: fc.oneof(
    { maxDepth: 2, depthIdentifier: "behavior", withCrossShrink: true },
    eventConditionArb,
    eventConditionArb,
    ruleArb,
    tie("object"),
  ),
})).object;
