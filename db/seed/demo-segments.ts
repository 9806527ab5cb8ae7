import { SPEC_PERSONA_ID, TRAVEL_PERSONA_ID, WELLNESS_PERSONA_ID } from "./demo-catalog";
import type { DemoUser } from "./demo-users";

const DAY_MS = 86_400_000;

export interface DemoSegment {
  id: string;
  persona_id: string | null;
  segment_name: string;
  description: string;
  /** The spec's criteria examples (section 6), as a marketer would write them. */
  criteria: Record<string, unknown>;
  strategy: "demographic" | "behavioral" | "engagement" | "hybrid";
  status: "active" | "paused" | "archived";
  /** The same criteria as a predicate, so that seeded members really match their segment. */
  matches: (user: DemoUser, now: Date) => boolean;
}

const hasAny = (values: readonly string[], wanted: readonly string[]) =>
  values.some((v) => wanted.includes(v));

export const segmentIds = {
  techEarlyAdopters: "c7e1d9a2-5f3b-4e8c-b6a4-0d2f8e1c3b01",
  frequentVisualShoppers: "c7e1d9a2-5f3b-4e8c-b6a4-0d2f8e1c3b02",
  powerUsers: "c7e1d9a2-5f3b-4e8c-b6a4-0d2f8e1c3b03",
  wellnessMillennials: "c7e1d9a2-5f3b-4e8c-b6a4-0d2f8e1c3b04",
  europeanBudgetTravelers: "c7e1d9a2-5f3b-4e8c-b6a4-0d2f8e1c3b05",
} as const;

// Not named "Tech Enthusiasts": the spec's first example creates that segment for the same persona.
export const demoSegments: DemoSegment[] = [
  {
    id: segmentIds.techEarlyAdopters,
    persona_id: SPEC_PERSONA_ID,
    segment_name: "Tech Early Adopters",
    description:
      "Highly engaged 25–45 year-olds interested in technology, gadgets and AI. Runs the AI content A/B test.",
    criteria: { age_range: [25, 45], interests: ["technology", "gadgets", "AI"], engagement_level: "high" },
    strategy: "hybrid",
    status: "active",
    matches: (u) =>
      u.age >= 25 &&
      u.age <= 45 &&
      hasAny(u.interests, ["technology", "gadgets", "ai"]) &&
      u.engagement_level === "high",
  },
  {
    id: segmentIds.frequentVisualShoppers,
    persona_id: SPEC_PERSONA_ID,
    segment_name: "Frequent Visual Shoppers",
    description:
      "Daily visitors with five or more purchases worth at least 100 who prefer videos and images.",
    criteria: {
      purchase_history: { min_purchases: 5, total_spent_min: 100 },
      engagement_frequency: "daily",
      content_preferences: ["videos", "images"],
    },
    strategy: "behavioral",
    status: "active",
    matches: (u) =>
      u.purchase_count >= 5 &&
      u.total_spent >= 100 &&
      u.engagement_frequency === "daily" &&
      hasAny(u.content_preferences, ["videos", "images"]),
  },
  {
    id: segmentIds.powerUsers,
    persona_id: SPEC_PERSONA_ID,
    segment_name: "Power Users",
    description: "High engagement, long sessions, active in the last week and a strong interaction score.",
    criteria: {
      engagement_level: "high",
      avg_session_duration: 300,
      last_active_days: 7,
      interaction_score_min: 0.7,
    },
    strategy: "engagement",
    status: "active",
    matches: (u, now) =>
      u.engagement_level === "high" &&
      u.avg_session_duration >= 300 &&
      now.getTime() - Date.parse(u.last_active_at) <= 7 * DAY_MS &&
      u.interaction_score >= 0.7,
  },
  {
    id: segmentIds.wellnessMillennials,
    persona_id: WELLNESS_PERSONA_ID,
    segment_name: "Wellness Millennials",
    description: "18–35 year-olds in the US, Canada and the UK interested in fitness, wellness or nutrition.",
    criteria: {
      age_range: [18, 35],
      location: ["US", "CA", "UK"],
      gender: "any",
      interests: ["fitness", "wellness", "nutrition"],
    },
    strategy: "demographic",
    status: "active",
    matches: (u) =>
      u.age >= 18 &&
      u.age <= 35 &&
      ["US", "CA", "GB"].includes(u.location) &&
      hasAny(u.interests, ["fitness", "wellness", "nutrition"]),
  },
  {
    id: segmentIds.europeanBudgetTravelers,
    persona_id: TRAVEL_PERSONA_ID,
    segment_name: "European Budget Travelers",
    description: "21–40 year-olds in Europe who travel on a budget. Paused until the spring campaign.",
    criteria: {
      age_range: [21, 40],
      location: ["GB", "DE", "FR", "ES", "NL"],
      interests: ["travel", "backpacking", "budget travel"],
    },
    strategy: "demographic",
    status: "paused",
    matches: (u) =>
      u.age >= 21 &&
      u.age <= 40 &&
      ["GB", "DE", "FR", "ES", "NL"].includes(u.location) &&
      hasAny(u.interests, ["travel", "backpacking", "budget travel"]),
  },
];
