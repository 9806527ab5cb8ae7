import type { NewUser } from "@/db/schema";
import { seededRandom } from "@/lib/discovery/seeded-random";
import { daysAgo } from "./factories";

/** Four kinds of users that differ in several traits at once, with noise inside each group. */
const groups = [
  {
    location: "US",
    interests: ["gaming"],
    engagement_level: "high",
    age: [18, 27],
    purchases: [0, 2],
    spent: [0, 50],
  },
  {
    location: "GB",
    interests: ["finance"],
    engagement_level: "medium",
    age: [40, 55],
    purchases: [6, 12],
    spent: [600, 1200],
  },
  {
    location: "DE",
    interests: ["travel"],
    engagement_level: "low",
    age: [30, 38],
    purchases: [2, 5],
    spent: [100, 300],
  },
  {
    location: "FR",
    interests: ["gardening"],
    engagement_level: "low",
    age: [60, 75],
    purchases: [0, 3],
    spent: [20, 150],
  },
] as const;

const between = (random: () => number, [min, max]: readonly [number, number]) =>
  Math.floor(min + random() * (max - min + 1));

/** `perGroup` users of each planted group, tagged `traits.group` = 0..3 (traits are not clustered on). */
export function plantedUsers(perGroup: number, seed = 42): Partial<NewUser>[] {
  const random = seededRandom(seed);
  return groups.flatMap((group, index) =>
    Array.from({ length: perGroup }, () => ({
      age: between(random, group.age),
      location: group.location,
      gender: random() < 0.5 ? "female" : "male",
      interests: random() < 0.3 ? [...group.interests, "news"] : [...group.interests],
      engagement_level: group.engagement_level,
      engagement_frequency: (["daily", "weekly", "monthly"] as const)[Math.floor(random() * 3)],
      purchase_count: between(random, group.purchases),
      total_spent: between(random, group.spent),
      avg_session_duration: between(random, [60, 600]),
      interaction_score: Math.round(random() * 100) / 100,
      last_active_at: daysAgo(between(random, [0, 60])),
      traits: { group: index },
    })),
  );
}
