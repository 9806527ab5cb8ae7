import { type SQL, sql } from "drizzle-orm";
import { specCriteriaExamples } from "@/lib/criteria/spec-examples";

export interface BenchCase {
  name: string;
  criteria: Record<string, unknown>;
  /** The same condition written by hand, as one would without the engine. */
  handWritten: SQL;
}

/** The spec's three criteria examples (section 6) and a nested hybrid, each with its hand-written twin. */
export const benchCases: BenchCase[] = [
  {
    name: "demographics (spec)",
    criteria: specCriteriaExamples.demographics,
    handWritten: sql`age between 18 and 35 and location in ('US', 'CA', 'GB')
      and interests && array['fitness', 'wellness', 'nutrition']`,
  },
  {
    name: "behavioral (spec)",
    criteria: specCriteriaExamples.behavioral,
    handWritten: sql`purchase_count >= 5 and total_spent >= 100 and engagement_frequency = 'daily'
      and content_preferences && array['videos', 'images']`,
  },
  {
    name: "engagement (spec)",
    criteria: specCriteriaExamples.engagement,
    handWritten: sql`engagement_level = 'high' and avg_session_duration >= 300
      and last_active_at >= now() - interval '7 days' and interaction_score >= 0.7`,
  },
  {
    name: "nested hybrid",
    criteria: {
      age_range: [25, 54],
      any: [
        { interests: ["technology", "AI"], engagement_level: "high" },
        { purchase_history: { min_purchases: 3, total_spent_min: 200 } },
      ],
      not: { location: ["US"] },
      all: [{ field: "traits.plan", op: "in", value: ["pro", "team"] }],
    },
    handWritten: sql`age between 25 and 54
      and ((interests && array['technology', 'ai'] and engagement_level = 'high')
           or (purchase_count >= 3 and total_spent >= 200))
      and location is distinct from 'US'
      and traits ->> 'plan' in ('pro', 'team')`,
  },
];

/** The dynamic segment of the refresh benchmark: about a third of the generated users. */
export const refreshCase: BenchCase = {
  name: "a third of the users",
  criteria: { age_range: [18, 65], last_active_days: 24 },
  handWritten: sql`age between 18 and 65 and last_active_at >= now() - interval '24 days'`,
};
