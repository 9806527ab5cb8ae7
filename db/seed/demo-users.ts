import type { User } from "../schema";
import { countryLanguages, countryNames, countryWeights, names } from "./demo-names";
import type { JsonRow } from "./insert-json-rows";
import type { SeededRandom } from "./random";

export const DEMO_USER_COUNT = 5_000;
const DAY_MS = 86_400_000;

/** A generated profile, shaped like a row of `users` (timestamps as ISO strings for the JSON insert). */
export type DemoUser = JsonRow<
  // The propensity score is the model's to write (lib/propensity), never the seed's.
  Omit<User, GeneratedFields | "conversion_propensity"> & {
    [Field in GeneratedFields]: NonNullable<User[Field]>;
  } & {
    engagement_level: "low" | "medium" | "high";
    engagement_frequency: "daily" | "weekly" | "monthly" | "rarely";
  }
>;

/** Every generated profile has these (a real one may not). */
type GeneratedFields =
  | "external_id"
  | "email"
  | "name"
  | "age"
  | "location"
  | "avg_session_duration"
  | "last_active_at"
  | "interaction_score";

/** Each user leans towards one audience; the leaning shapes interests, formats and engagement. */
const archetypes = {
  tech: {
    weight: 28,
    core: ["technology", "gadgets", "ai"],
    extra: ["programming", "gaming", "smart home", "startups", "cybersecurity", "cloud computing"],
    formats: { videos: 4, articles: 5, podcasts: 3, newsletters: 3, images: 1 },
    engagement: 0.62,
  },
  wellness: {
    weight: 22,
    core: ["fitness", "wellness", "nutrition"],
    extra: ["yoga", "running", "meditation", "healthy eating", "cycling", "sleep"],
    formats: { videos: 6, images: 3, articles: 2, podcasts: 2, "live streams": 1 },
    engagement: 0.5,
  },
  travel: {
    weight: 18,
    core: ["travel", "backpacking", "budget travel"],
    extra: ["photography", "hiking", "food", "culture", "languages", "camping"],
    formats: { images: 6, videos: 3, articles: 4, newsletters: 1 },
    engagement: 0.45,
  },
  fashion: {
    weight: 14,
    core: ["fashion", "beauty", "shopping"],
    extra: ["design", "sustainability", "photography", "interior design", "jewelry"],
    formats: { images: 7, videos: 4, "live streams": 2, articles: 1 },
    engagement: 0.48,
  },
  food: {
    weight: 10,
    core: ["cooking", "food", "recipes"],
    extra: ["wine", "nutrition", "baking", "travel", "coffee"],
    formats: { videos: 5, images: 4, articles: 3, newsletters: 1 },
    engagement: 0.42,
  },
  finance: {
    weight: 8,
    core: ["personal finance", "investing"],
    extra: ["crypto", "startups", "technology", "real estate", "ai"],
    formats: { articles: 6, newsletters: 4, podcasts: 3, videos: 2 },
    engagement: 0.52,
  },
} as const;
type Archetype = keyof typeof archetypes;
const archetypeWeights = Object.fromEntries(
  Object.entries(archetypes).map(([key, spec]) => [key, spec.weight]),
) as Record<Archetype, number>;

const emailDomains = ["example.com", "example.org", "example.net", "mail.example.com"];

function emailPart(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

function age(rng: SeededRandom): number {
  // Most of the audience is 22 to 45, with a long tail on both sides.
  if (rng.chance(0.72)) return rng.int(22, 45);
  return rng.int(18, 72);
}

function engagementLevel(score: number): DemoUser["engagement_level"] {
  if (score >= 0.62) return "high";
  if (score >= 0.35) return "medium";
  return "low";
}

const frequencyByLevel = {
  high: { daily: 65, weekly: 30, monthly: 5, rarely: 0 },
  medium: { daily: 20, weekly: 55, monthly: 20, rarely: 5 },
  low: { daily: 2, weekly: 18, monthly: 45, rarely: 35 },
} as const;

const inactiveDaysByFrequency = {
  daily: [0, 3],
  weekly: [0, 10],
  monthly: [3, 40],
  rarely: [20, 89],
} as const;
const sessionSecondsByLevel = { high: [240, 1500], medium: [120, 600], low: [20, 240] } as const;
const purchasesByLevel = { high: [2, 40], medium: [0, 15], low: [0, 5] } as const;

function interests(rng: SeededRandom, archetype: Archetype): string[] {
  const spec = archetypes[archetype];
  const picked: string[] = spec.core.filter((_, i) => rng.chance(i === 0 ? 0.85 : 0.5));
  if (picked.length === 0) picked.push(rng.pick(spec.core));
  picked.push(...rng.sample(spec.extra, rng.int(1, 3)));
  // Nobody is only one thing: a few interests from another audience.
  const other = rng.pick(Object.keys(archetypes) as Archetype[]);
  if (other !== archetype && rng.chance(0.45)) picked.push(rng.pick(archetypes[other].core));
  return [...new Set(picked)];
}

function contentPreferences(rng: SeededRandom, archetype: Archetype): string[] {
  const formats = archetypes[archetype].formats as Record<string, number>;
  const count = rng.int(1, 3);
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(rng.weighted(formats));
  return [...chosen];
}

/** `count` realistic, deterministic profiles; activity is relative to `now`. */
export function generateDemoUsers(rng: SeededRandom, now: Date, count = DEMO_USER_COUNT): DemoUser[] {
  const users: DemoUser[] = [];
  for (let i = 0; i < count; i++) {
    const country = rng.weighted(countryWeights);
    const nameSet = names[countryNames[country]];
    const first = rng.pick(nameSet.first);
    const last = rng.pick(nameSet.last);
    const archetype = rng.weighted(archetypeWeights);
    const score = Math.min(
      1,
      Math.max(0, archetypes[archetype].engagement + (rng.next() + rng.next() + rng.next() - 1.5) * 0.42),
    );
    const level = engagementLevel(score);
    const frequency = rng.weighted(frequencyByLevel[level]);
    const [minIdle, maxIdle] = inactiveDaysByFrequency[frequency];
    const lastActive = now.getTime() - rng.between(minIdle, maxIdle + 1) * DAY_MS;
    const createdAt = Math.min(lastActive, now.getTime() - rng.between(95, 540) * DAY_MS);
    const [minSession, maxSession] = sessionSecondsByLevel[level];
    const [minPurchases, maxPurchases] = purchasesByLevel[level];
    const purchases = rng.chance(0.12) ? 0 : rng.int(minPurchases, maxPurchases);
    const plan = rng.weighted(
      level === "high" ? { free: 40, pro: 45, enterprise: 15 } : { free: 70, pro: 25, enterprise: 5 },
    );
    const traits: Record<string, unknown> = {
      plan,
      newsletter: rng.chance(level === "low" ? 0.3 : 0.6),
      signup_channel: rng.weighted({ organic: 40, paid_search: 20, social: 20, referral: 15, partner: 5 }),
      preferred_language: countryLanguages[country],
    };
    if (archetype === "tech" && rng.chance(0.2)) traits.beta_tester = true;
    const gender = rng.weighted({ female: 48, male: 47, "non-binary": 2, unspecified: 3 });
    if (rng.chance(0.1)) traits.loyalty_tier = rng.pick(["silver", "gold", "platinum"]);
    users.push({
      id: rng.uuid(),
      external_id: `cus_${String(100_001 + i)}`,
      email: `${emailPart(first)}.${emailPart(last)}.${i + 1}@${rng.pick(emailDomains)}`,
      name: `${first} ${last}`,
      age: age(rng),
      location: country,
      gender: gender === "unspecified" ? null : gender,
      interests: interests(rng, archetype),
      purchase_count: purchases,
      total_spent: Math.round(purchases * rng.between(12, 95) * 100) / 100,
      engagement_level: level,
      engagement_frequency: frequency,
      avg_session_duration: rng.int(minSession, maxSession),
      last_active_at: new Date(lastActive).toISOString(),
      interaction_score: Math.round(score * 1000) / 1000,
      content_preferences: contentPreferences(rng, archetype),
      traits,
      created_at: new Date(createdAt).toISOString(),
      updated_at: new Date(lastActive).toISOString(),
    });
  }
  return users;
}
