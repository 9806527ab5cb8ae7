import {
  engagementFrequencies,
  engagementLevels,
  normalizeCountryCode,
  normalizeTag,
} from "@/lib/users/normalize";

export const fieldTypes = ["number", "string", "string[]", "timestamp", "boolean", "json"] as const;
export type FieldType = (typeof fieldTypes)[number];

export const operators = [
  "eq",
  "neq",
  "in",
  "not_in",
  "contains_any",
  "contains_all",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "exists",
  "not_exists",
  "within_last_days",
] as const;
export type Operator = (typeof operators)[number];

export const operatorsByType: Record<FieldType, readonly Operator[]> = {
  number: ["eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "between", "exists", "not_exists"],
  string: ["eq", "neq", "in", "not_in", "exists", "not_exists"],
  "string[]": ["contains_any", "contains_all", "exists", "not_exists"],
  timestamp: ["gt", "gte", "lt", "lte", "between", "within_last_days", "exists", "not_exists"],
  boolean: ["eq", "neq", "exists", "not_exists"],
  // A trait can hold any JSON value: every operator but the date-only one.
  json: operators.filter((op) => op !== "within_last_days"),
};

export interface ProfileField {
  label: string;
  type: Exclude<FieldType, "json">;
  /** Whole numbers only: the column is an integer, and a fractional parameter would not compare. */
  integer?: boolean;
  min?: number;
  max?: number;
  /** The only values the field can hold (validated in criteria). */
  allowed?: readonly string[];
  /** Brings a criteria value to the stored form, so that `AI` matches `ai` and `UK` matches `GB`. */
  normalize?: (value: string) => string;
  /** The builder offers the distinct values present in the data for these. */
  categorical?: boolean;
}

const lower = (value: string) => value.trim().toLowerCase();

/** The profile fields that criteria can name; keys are the `users` column names. */
export const profileFields = {
  age: { label: "Age", type: "number", integer: true, min: 0, max: 150 },
  location: { label: "Country", type: "string", normalize: normalizeCountryCode, categorical: true },
  gender: { label: "Gender", type: "string", normalize: lower, categorical: true },
  interests: { label: "Interests", type: "string[]", normalize: normalizeTag, categorical: true },
  content_preferences: {
    label: "Content preferences",
    type: "string[]",
    normalize: normalizeTag,
    categorical: true,
  },
  purchase_count: { label: "Purchases", type: "number", integer: true, min: 0 },
  total_spent: { label: "Total spent", type: "number", min: 0 },
  engagement_level: {
    label: "Engagement level",
    type: "string",
    allowed: engagementLevels,
    normalize: lower,
    categorical: true,
  },
  engagement_frequency: {
    label: "Engagement frequency",
    type: "string",
    allowed: engagementFrequencies,
    normalize: lower,
    categorical: true,
  },
  avg_session_duration: { label: "Average session (s)", type: "number", integer: true, min: 0 },
  last_active_at: { label: "Last active", type: "timestamp" },
  interaction_score: { label: "Interaction score", type: "number", min: 0, max: 1 },
  created_at: { label: "Signed up", type: "timestamp" },
  /** Written by the propensity model (lib/propensity); NULL until a model has scored the profile. */
  conversion_propensity: { label: "Conversion propensity", type: "number", min: 0, max: 1 },
} satisfies Record<string, ProfileField>;

export type ProfileFieldName = keyof typeof profileFields;

export function isProfileField(name: string): name is ProfileFieldName {
  return Object.hasOwn(profileFields, name);
}

export const TRAIT_PREFIX = "traits.";
/** Trait keys are letters, digits, `_` and `-`: they appear in reasons and in the builder. */
export const traitKeyPattern = /^[A-Za-z0-9_-]{1,64}$/;
