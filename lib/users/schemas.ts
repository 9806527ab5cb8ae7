import { z } from "zod";
import { freeFormObject } from "@/lib/api/input-guards";
import { pageOf, paginationQuery, timestamp } from "@/lib/api/schemas";
import {
  engagementFrequencies,
  engagementLevels,
  normalizeCountryCode,
  normalizeTag,
  normalizeTags,
} from "./normalize";

/** The most users one bulk request may create: one transaction, one INSERT. */
export const MAX_BULK_USERS = 10_000;

const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "Must be a two-letter ISO 3166-1 country code")
  .transform(normalizeCountryCode)
  .describe("ISO 3166-1 alpha-2 country code; stored upper case, `UK` as `GB`.");

const tags = z
  .array(z.string().max(100))
  .max(200)
  .transform(normalizeTags)
  .describe("Stored trimmed, lower case and without duplicates.");

// Each field accepts what a client may send and stores it in the one form criteria compare against.
const userInputFields = {
  external_id: z.string().trim().min(1).max(100).nullable().describe("The user's id in your own system."),
  email: z.email().max(254).toLowerCase().nullable().describe("Stored lower case; unique."),
  name: z.string().trim().max(200).nullable(),
  age: z.number().int().min(0).max(130).nullable(),
  location: countryCode.nullable(),
  gender: z.string().trim().min(1).max(30).transform(normalizeTag).nullable().describe("Stored lower case."),
  interests: tags,
  purchase_count: z.number().int().min(0).max(2_000_000_000),
  total_spent: z.number().min(0).max(9_999_999_999.99),
  engagement_level: z.enum(engagementLevels).nullable(),
  engagement_frequency: z.enum(engagementFrequencies).nullable(),
  avg_session_duration: z.number().int().min(0).max(2_000_000_000).nullable().describe("Seconds."),
  last_active_at: timestamp
    .transform((value) => new Date(value))
    .nullable()
    .describe("ISO 8601 date-time with an offset."),
  interaction_score: z.number().min(0).max(1).nullable(),
  content_preferences: tags,
  traits: freeFormObject().describe('Free-form attributes, e.g. `{"plan": "pro"}`.'),
};

const exampleUser = {
  external_id: "cus_100042",
  email: "ada.lovelace@example.com",
  name: "Ada Lovelace",
  age: 36,
  location: "GB",
  gender: "female",
  interests: ["technology", "gadgets", "ai"],
  purchase_count: 7,
  total_spent: 249.5,
  engagement_level: "high",
  engagement_frequency: "daily",
  avg_session_duration: 420,
  last_active_at: "2025-06-01T12:00:00Z",
  interaction_score: 0.82,
  content_preferences: ["videos", "articles"],
  traits: { plan: "pro", newsletter: true },
};

export const createUserSchema = z
  .object({
    external_id: userInputFields.external_id.default(null),
    email: userInputFields.email.default(null),
    name: userInputFields.name.default(null),
    age: userInputFields.age.default(null),
    location: userInputFields.location.default(null),
    gender: userInputFields.gender.default(null),
    interests: userInputFields.interests.default([]),
    purchase_count: userInputFields.purchase_count.default(0),
    total_spent: userInputFields.total_spent.default(0),
    engagement_level: userInputFields.engagement_level.default(null),
    engagement_frequency: userInputFields.engagement_frequency.default(null),
    avg_session_duration: userInputFields.avg_session_duration.default(null),
    last_active_at: userInputFields.last_active_at.default(null),
    interaction_score: userInputFields.interaction_score.default(null),
    content_preferences: userInputFields.content_preferences.default([]),
    traits: userInputFields.traits.default({}),
  })
  .strict()
  .meta({ id: "UserCreate", examples: [exampleUser] });

export const bulkCreateUsersSchema = z
  .object({
    users: z.array(createUserSchema).min(1).max(MAX_BULK_USERS),
  })
  .strict()
  .meta({
    id: "UserBulkCreate",
    examples: [{ users: [exampleUser, { email: "grace@example.com", location: "US" }] }],
  });

export const updateUserSchema = z
  .object(userInputFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "At least one field must be given" })
  .meta({
    id: "UserUpdate",
    examples: [{ engagement_level: "medium", interests: ["technology", "travel"] }],
  });

export const userSortKeys = [
  "created_at",
  "-created_at",
  "email",
  "-email",
  "name",
  "-name",
  "age",
  "-age",
  "last_active_at",
  "-last_active_at",
  "interaction_score",
  "-interaction_score",
] as const;

export const listUsersQuery = paginationQuery
  .extend({
    search: z.string().trim().min(1).max(100).optional().describe("Matches email, name or external_id."),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(254)
      .optional()
      .describe("The user with exactly this email (compared lower case, as stored)."),
    external_id: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("The user with exactly this external_id."),
    location: countryCode.optional(),
    engagement_level: z.enum(engagementLevels).optional(),
    min_age: z.coerce.number().int().min(0).max(130).optional(),
    max_age: z.coerce.number().int().min(0).max(130).optional(),
    interest: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .transform(normalizeTag)
      .optional()
      .describe("Users whose interests include this one."),
    sort: z.enum(userSortKeys).default("-created_at").describe("A field; a leading `-` sorts descending."),
  })
  .strict()
  .refine((q) => q.min_age === undefined || q.max_age === undefined || q.min_age <= q.max_age, {
    message: "min_age must not exceed max_age",
    path: ["max_age"],
  });

export const userSchema = z
  .object({
    id: z.uuid(),
    external_id: z.string().nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    age: z.number().int().nullable(),
    location: z.string().length(2).nullable(),
    gender: z.string().nullable(),
    interests: z.array(z.string()),
    purchase_count: z.number().int(),
    total_spent: z.number(),
    engagement_level: z.enum(engagementLevels).nullable(),
    engagement_frequency: z.enum(engagementFrequencies).nullable(),
    avg_session_duration: z.number().int().nullable(),
    last_active_at: timestamp.nullable(),
    interaction_score: z.number().nullable(),
    content_preferences: z.array(z.string()),
    traits: z.record(z.string(), z.unknown()),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "User" });

export const userPageSchema = pageOf(userSchema).meta({ id: "UserPage" });

export const bulkCreateUsersResultSchema = z
  .object({
    created: z.number().int(),
    items: z.array(userSchema),
  })
  .meta({ id: "UserBulkCreateResult" });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

/** The few profile fields shown beside a member or a sample of an audience. */
export const userSummarySchema = z
  .object({
    id: z.uuid(),
    email: z.string().nullable(),
    external_id: z.string().nullable(),
    name: z.string().nullable(),
    age: z.number().int().nullable(),
    location: z.string().nullable(),
    gender: z.string().nullable(),
    engagement_level: z.string().nullable(),
  })
  .meta({ id: "UserSummary" });
