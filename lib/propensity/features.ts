import { mean, standardDeviation } from "simple-statistics";
import type { User } from "@/db/schema";

const DAY_MS = 86_400_000;

/** One profile as training reads it, with whether it converted in the window. */
export type TrainingRow = Pick<
  User,
  | "age"
  | "purchase_count"
  | "total_spent"
  | "avg_session_duration"
  | "interaction_score"
  | "last_active_at"
  | "gender"
  | "location"
  | "engagement_level"
  | "engagement_frequency"
  | "interests"
  | "content_preferences"
> & { converted: boolean };

export const numericFeatures = [
  "age",
  "purchase_count",
  "total_spent",
  "avg_session_duration",
  "interaction_score",
  "days_inactive",
] as const;
export const categoricalFeatures = [
  "gender",
  "location",
  "engagement_level",
  "engagement_frequency",
  "interests",
  "content_preferences",
] as const;
type NumericFeature = (typeof numericFeatures)[number];
type CategoricalFeature = (typeof categoricalFeatures)[number];
const MAX_VALUES_PER_FIELD = 10;
const MIN_VALUE_COUNT = 10;

/** The fitted model as stored and as the scoring statement reads it. */
export interface PropensityModelSpec {
  intercept: number;
  numeric: { field: NumericFeature; mean: number; sd: number; weight: number }[];
  categories: { field: CategoricalFeature; value: string; weight: number }[];
}

export type FeatureSpec = Omit<PropensityModelSpec, "intercept" | "numeric" | "categories"> & {
  numeric: Omit<PropensityModelSpec["numeric"][number], "weight">[];
  categories: Omit<PropensityModelSpec["categories"][number], "weight">[];
};

export function numericValue(row: TrainingRow, field: NumericFeature, now: Date): number | null {
  if (field === "days_inactive") {
    return row.last_active_at === null ? null : (now.getTime() - row.last_active_at.getTime()) / DAY_MS;
  }
  const value = row[field];
  return value === null || value === undefined ? null : Number(value);
}

const valuesOf = (row: TrainingRow, field: CategoricalFeature): string[] => {
  const value = row[field];
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
};

/**
 * The design: numeric fields standardized (a missing value is the mean, i.e. 0), the common values of the
 * categorical fields as 0/1 columns. Fixed on the training rows, then applied unchanged in SQL.
 */
export function chooseFeatures(rows: TrainingRow[], now: Date): FeatureSpec {
  const numeric: FeatureSpec["numeric"] = [];
  for (const field of numericFeatures) {
    const present = rows.map((r) => numericValue(r, field, now)).filter((v): v is number => v !== null);
    if (present.length < 2) continue;
    const sd = standardDeviation(present);
    if (sd > 0 && Number.isFinite(sd)) numeric.push({ field, mean: mean(present), sd });
  }
  const categories: FeatureSpec["categories"] = [];
  for (const field of categoricalFeatures) {
    const counts = new Map<string, number>();
    for (const row of rows)
      for (const v of new Set(valuesOf(row, field))) counts.set(v, (counts.get(v) ?? 0) + 1);
    const common = [...counts.entries()]
      .filter(([, count]) => count >= MIN_VALUE_COUNT && count < rows.length)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_VALUES_PER_FIELD);
    for (const [value] of common) categories.push({ field, value });
  }
  return { numeric, categories };
}

export function designRow(row: TrainingRow, spec: FeatureSpec, now: Date): number[] {
  return [
    ...spec.numeric.map(({ field, mean: m, sd }) => ((numericValue(row, field, now) ?? m) - m) / sd),
    ...spec.categories.map(({ field, value }) => (valuesOf(row, field).includes(value) ? 1 : 0)),
  ];
}
