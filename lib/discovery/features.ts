import { mean, standardDeviation } from "simple-statistics";
import type { SampledProfile } from "./queries";
import { type DiscoveryField, discoveryCategoricalFields, type discoveryNumericFields } from "./schemas";

type NumericField = (typeof discoveryNumericFields)[number];
type CategoricalField = (typeof discoveryCategoricalFields)[number];

const DAY_MS = 86_400_000;
/** At most this many values of one categorical field become columns (the most common ones). */
const MAX_VALUES_PER_FIELD = 20;
/** A value held by fewer than this share of the sample gets no column: it cannot shape a cluster. */
const MIN_VALUE_SHARE = 0.01;

export type Feature =
  | { kind: "numeric"; field: NumericField; mean: number; sd: number }
  | { kind: "category"; field: CategoricalField; value: string; share: number };

export interface EncodedSample {
  features: Feature[];
  /** Per profile: the raw value of each feature (numbers, days ago, 0/1), missing numbers as the mean. */
  raw: number[][];
  /** The same, standardized (numbers to z-scores, categories as 0/1 scaled like one z unit). */
  standardized: number[][];
}

const isCategorical = (field: DiscoveryField): field is CategoricalField =>
  (discoveryCategoricalFields as readonly string[]).includes(field);

/** A numeric field's raw value; timestamps become days before `now` (a duration clusters, a date does not). */
function numericValue(profile: SampledProfile, field: NumericField, now: Date): number | null {
  const value = profile[field];
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return (now.getTime() - value.getTime()) / DAY_MS;
  return Number.isFinite(Number(value)) ? Number(value) : null;
}

function categoryValues(profile: SampledProfile, field: CategoricalField): string[] {
  const value = profile[field];
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Numbers are standardized (mean 0, sd 1; a missing value is the mean, so it pulls toward no cluster) and
 * each common categorical value becomes a 0/1 column. A field without variation in the sample is dropped:
 * it cannot tell clusters apart, and its z-score would divide by zero.
 */
export function encodeProfiles(
  profiles: SampledProfile[],
  fields: DiscoveryField[],
  now: Date,
): EncodedSample {
  const features: Feature[] = [];
  const n = profiles.length;
  for (const field of fields) {
    if (isCategorical(field)) {
      const counts = new Map<string, number>();
      for (const profile of profiles)
        for (const value of new Set(categoryValues(profile, field)))
          counts.set(value, (counts.get(value) ?? 0) + 1);
      const common = [...counts.entries()]
        .filter(([, count]) => count / n >= MIN_VALUE_SHARE && count < n)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, MAX_VALUES_PER_FIELD);
      for (const [value, count] of common)
        features.push({ kind: "category", field, value, share: count / n });
      continue;
    }
    const present = profiles.map((p) => numericValue(p, field, now)).filter((v): v is number => v !== null);
    if (present.length < 2) continue;
    const sd = standardDeviation(present);
    if (!(sd > 0) || !Number.isFinite(sd)) continue;
    features.push({ kind: "numeric", field, mean: mean(present), sd });
  }
  const raw = profiles.map((profile) =>
    features.map((feature) => {
      if (feature.kind === "category")
        return categoryValues(profile, feature.field).includes(feature.value) ? 1 : 0;
      return numericValue(profile, feature.field, now) ?? feature.mean;
    }),
  );
  const standardized = raw.map((row) =>
    row.map((value, i) => {
      const feature = features[i];
      if (feature.kind === "numeric") return (value - feature.mean) / feature.sd;
      // A 0/1 column standardized like a number would let rare values dominate the distances; the plain
      // difference of 1 weighs a category about as much as one standard deviation of a number.
      return value;
    }),
  );
  return { features, raw, standardized };
}
