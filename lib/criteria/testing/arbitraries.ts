import fc from "fast-check";
import type { NewUser } from "@/db/schema";

// Small value domains, so that random criteria and random profiles actually meet; mixed case and `UK`
// in criteria exercise normalisation against the stored (normalised) profiles.
export const NOW = new Date("2026-06-15T12:00:00.000Z");
const DAY = 86_400_000;
const countries = ["US", "CA", "GB", "DE", "FR"];
const countriesInCriteria = ["US", "ca", "UK", "gb", "DE", "fr", "JP"];
const genders = ["male", "female", "non-binary"];
const interests = ["fitness", "wellness", "nutrition", "technology", "gadgets", "ai", "travel"];
const interestsInCriteria = [...interests, "AI", "Fitness", "cooking"];
const preferences = ["videos", "images", "articles", "podcasts"];
const levels = ["low", "medium", "high"];
const frequencies = ["daily", "weekly", "monthly", "rarely"];

const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });

export const userArb: fc.Arbitrary<Omit<NewUser, "id">> = fc
  .record({
    age: maybe(fc.integer({ min: 15, max: 70 })),
    location: maybe(fc.constantFrom(...countries)),
    gender: maybe(fc.constantFrom(...genders, "Female")),
    interests: fc.subarray(interests),
    content_preferences: fc.subarray(preferences),
    purchase_count: fc.integer({ min: 0, max: 10 }),
    total_spent: fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100),
    engagement_level: maybe(fc.constantFrom(...levels)),
    engagement_frequency: maybe(fc.constantFrom(...frequencies)),
    avg_session_duration: maybe(fc.integer({ min: 0, max: 900 })),
    last_active_at: maybe(fc.integer({ min: 0, max: 40 * 24 }).map((hours) => daysAgo(hours / 24))),
    interaction_score: maybe(fc.integer({ min: 0, max: 100 }).map((n) => n / 100)),
    created_at: fc.integer({ min: 0, max: 400 }).map(daysAgo),
    traits: fc.record(
      {
        plan: fc.constantFrom<unknown>("free", "pro", 1, true, null),
        score: fc.integer({ min: 0, max: 20 }).map((n) => n / 2),
        tags: fc.subarray(["a", "b", "c"]),
      },
      { requiredKeys: [] },
    ),
  })
  .map((user) => ({ ...user, traits: { ...user.traits } }));

export const populationArb = fc.array(userArb, { minLength: 1, maxLength: 40 });

const pick = <T>(values: T[]) => fc.constantFrom(...values);
const someOf = <T>(values: T[]) => fc.subarray(values, { minLength: 1, maxLength: 3 });
const sortedPair = (arb: fc.Arbitrary<number>) =>
  fc.tuple(arb, arb).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
const iso = (days: number) => daysAgo(days).toISOString();

type Json = Record<string, unknown>;
const rule = (field: string, ops: string[], value: fc.Arbitrary<unknown>, list: fc.Arbitrary<unknown>) =>
  pick(ops).chain((op): fc.Arbitrary<Json> => {
    if (op === "exists" || op === "not_exists") return fc.constant({ field, op });
    if (op === "in" || op === "not_in" || op === "contains_any" || op === "contains_all") {
      return list.map((v) => ({ field, op, value: v }));
    }
    return value.map((v) => ({ field, op, value: v }));
  });

const numberRule = (field: string, arb: fc.Arbitrary<number>) =>
  fc.oneof(
    rule(field, ["eq", "neq", "gt", "gte", "lt", "lte", "exists", "not_exists"], arb, fc.array(arb)),
    rule(field, ["in", "not_in"], arb, fc.array(arb, { minLength: 1, maxLength: 4 })),
    sortedPair(arb).map((value) => ({ field, op: "between", value })),
  );
const stringRule = (field: string, values: string[]) =>
  rule(field, ["eq", "neq", "in", "not_in", "exists", "not_exists"], pick(values), someOf(values));

export const ruleArb: fc.Arbitrary<Json> = fc.oneof(
  numberRule("age", fc.integer({ min: 14, max: 72 })),
  numberRule("purchase_count", fc.integer({ min: 0, max: 11 })),
  numberRule(
    "total_spent",
    fc.integer({ min: 0, max: 1000 }).map((n) => n / 2),
  ),
  numberRule(
    "interaction_score",
    fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  ),
  stringRule("location", countriesInCriteria),
  stringRule("gender", [...genders, "FEMALE"]),
  stringRule("engagement_level", levels),
  stringRule("engagement_frequency", frequencies),
  rule(
    "interests",
    ["contains_any", "contains_all", "exists", "not_exists"],
    fc.constant(null),
    someOf(interestsInCriteria),
  ),
  rule("content_preferences", ["contains_any", "contains_all"], fc.constant(null), someOf(preferences)),
  fc
    .integer({ min: 1, max: 35 })
    .map((value) => ({ field: "last_active_at", op: "within_last_days", value })),
  rule(
    "last_active_at",
    ["gt", "lt", "exists", "not_exists"],
    fc.integer({ min: 0, max: 40 }).map(iso),
    fc.constant(null),
  ),
  sortedPair(fc.integer({ min: 0, max: 400 })).map(([a, b]) => ({
    field: "created_at",
    op: "between",
    value: [iso(b), iso(a)],
  })),
  rule(
    "traits.plan",
    ["eq", "neq", "exists", "not_exists"],
    pick<unknown>(["free", "pro", 1, true]),
    fc.constant(null),
  ),
  rule("traits.plan", ["in", "not_in"], fc.constant(null), someOf<unknown>(["free", "pro", 1, true])),
  numberRule(
    "traits.score",
    fc.integer({ min: 0, max: 20 }).map((n) => n / 2),
  ),
  rule("traits.tags", ["contains_any", "contains_all"], fc.constant(null), someOf(["a", "b", "c", "d"])),
);

/** Up to three of the spec's keys, with random values from the domains above. */
const allSpecKeysArb: fc.Arbitrary<Json> = fc.record(
  {
    age_range: sortedPair(fc.integer({ min: 14, max: 72 })),
    location: someOf(countriesInCriteria),
    gender: fc.oneof(pick([...genders, "any", "Male"]), someOf(genders)),
    interests: someOf(interestsInCriteria),
    content_preferences: someOf(preferences),
    purchase_history: fc.record(
      { min_purchases: fc.integer({ min: 0, max: 11 }), total_spent_min: fc.integer({ min: 0, max: 500 }) },
      { requiredKeys: [] },
    ),
    engagement_frequency: fc.oneof(pick(frequencies), someOf(frequencies)),
    engagement_level: fc.oneof(pick(levels), someOf(levels)),
    avg_session_duration: fc.integer({ min: 0, max: 900 }),
    last_active_days: fc.integer({ min: 1, max: 35 }),
    interaction_score_min: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  },
  { noNullPrototype: true },
);
const specKeysArb = fc
  .tuple(allSpecKeysArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3 }))
  .map(([all, start, count]) => {
    const chosen = Object.entries(all).slice(start, start + count);
    return Object.fromEntries(
      chosen.filter(([key, value]) => key !== "purchase_history" || Object.keys(value as Json).length > 0),
    );
  });

/** Random criteria documents: spec keys, nested all/any/not with rules, and min_match. */
export const criteriaArb: fc.Arbitrary<Json> = fc.letrec<{ object: Json; item: Json }>((tie) => ({
  object: fc
    .tuple(
      specKeysArb,
      fc.option(fc.array(tie("item"), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 2 }),
      fc.option(fc.array(tie("item"), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 2 }),
      fc.option(tie("item"), { nil: undefined, freq: 2 }),
      fc.option(
        fc.integer({ min: 0, max: 4 }).map((n) => n / 4),
        { nil: undefined },
      ),
    )
    .map(([spec, all, any, not, minMatch]) => {
      const object: Json = { ...spec };
      if (all) object.all = all;
      if (any) object.any = any;
      if (not) object.not = not;
      const hasConditions = Object.keys(object).some((k) => k !== "gender" || object.gender !== "any");
      if (minMatch !== undefined && hasConditions) object.min_match = minMatch;
      return object;
    }),
  item: fc.oneof(
    { maxDepth: 3, depthIdentifier: "criteria", withCrossShrink: true },
    ruleArb,
    ruleArb,
    tie("object"),
  ),
})).object;
