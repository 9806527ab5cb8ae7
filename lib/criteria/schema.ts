import { z } from "zod";
import { parseCriteria } from "./parse-criteria";

const description =
  "Segment criteria (docs/criteria.md). Spec keys, all of which must hold: age_range [min, max], location " +
  '[country codes], gender (value, list or "any"), interests [..], content_preferences [..], purchase_history ' +
  "{min_purchases, total_spent_min}, engagement_frequency, engagement_level (value or list), avg_session_duration " +
  "(min seconds), last_active_days (N), interaction_score_min. Nesting: all [..], any [..], not {..}, whose items are " +
  'criteria objects or rules {"field", "op", "value"} on a profile field or "traits.<name>"; ops: eq, neq, in, ' +
  "not_in, contains_any, contains_all, gt, gte, lt, lte, between, exists, not_exists, within_last_days. " +
  "min_match (0..1) on an object: at least that share of its conditions, the share being the confidence.";

/**
 * Segment criteria: validated by the criteria parser, which names the path of every unknown key, wrong
 * type or impossible range. The stored value is the JSON as given; compilation normalises it.
 */
export const criteriaSchema = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const result = parseCriteria(value);
    if (result.ok) return;
    for (const issue of result.issues)
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  })
  .meta({
    id: "Criteria",
    description,
    examples: [
      { age_range: [25, 45], interests: ["technology", "gadgets", "AI"], engagement_level: "high" },
      {
        engagement_level: "high",
        any: [{ location: ["US", "CA"] }, { field: "traits.plan", op: "eq", value: "pro" }],
        not: { field: "interests", op: "contains_any", value: ["gambling"] },
        min_match: 0.66,
      },
    ],
  });

export type Criteria = z.infer<typeof criteriaSchema>;
