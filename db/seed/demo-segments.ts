import { specCriteriaExamples } from "@/lib/criteria/spec-examples";
import { SPEC_PERSONA_ID, TRAVEL_PERSONA_ID, WELLNESS_PERSONA_ID } from "./demo-catalog";

export interface DemoSegment {
  id: string;
  persona_id: string | null;
  segment_name: string;
  description: string;
  /** The spec's criteria examples (section 6) and a few more, as a marketer would write them. */
  criteria: Record<string, unknown>;
  strategy: "demographic" | "behavioral" | "engagement" | "hybrid";
  status: "active" | "paused" | "archived";
}

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
  },
  {
    id: segmentIds.frequentVisualShoppers,
    persona_id: SPEC_PERSONA_ID,
    segment_name: "Frequent Visual Shoppers",
    description:
      "Daily visitors with five or more purchases worth at least 100 who prefer videos and images.",
    criteria: specCriteriaExamples.behavioral,
    strategy: "behavioral",
    status: "active",
  },
  {
    id: segmentIds.powerUsers,
    persona_id: SPEC_PERSONA_ID,
    segment_name: "Power Users",
    description: "High engagement, long sessions, active in the last week and a strong interaction score.",
    criteria: specCriteriaExamples.engagement,
    strategy: "engagement",
    status: "active",
  },
  {
    id: segmentIds.wellnessMillennials,
    persona_id: WELLNESS_PERSONA_ID,
    segment_name: "Wellness Millennials",
    description: "18–35 year-olds in the US, Canada and the UK interested in fitness, wellness or nutrition.",
    criteria: specCriteriaExamples.demographics,
    strategy: "demographic",
    status: "active",
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
  },
];
