import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

// Column names are snake_case in TypeScript as in SQL: the API speaks the spec's snake_case JSON,
// so rows serialise as they are and no mapping layer can drift from the schema.

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const personas = pgTable("personas", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: varchar("name", { length: 100 }).notNull(),
  description: text("description"),
  attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
  created_at: createdAt(),
  updated_at: updatedAt(),
});

export const content = pgTable(
  "content",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    persona_id: uuid("persona_id").references(() => personas.id, { onDelete: "set null" }),
    title: varchar("title", { length: 200 }).notNull(),
    body: text("body"),
    content_type: varchar("content_type", { length: 30 }).notNull().default("article"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [index("content_persona_id_idx").on(t.persona_id)],
);

/** The audience profiles that segments are made of. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    external_id: varchar("external_id", { length: 100 }).unique(),
    email: varchar("email", { length: 254 }).unique(),
    name: varchar("name", { length: 200 }),
    age: integer("age"),
    /** ISO 3166-1 alpha-2, upper case; `UK` is stored as `GB`. */
    location: varchar("location", { length: 2 }),
    gender: varchar("gender", { length: 30 }),
    interests: text("interests").array().notNull().default(sql`'{}'::text[]`),
    purchase_count: integer("purchase_count").notNull().default(0),
    total_spent: numeric("total_spent", { precision: 12, scale: 2, mode: "number" }).notNull().default(0),
    engagement_level: varchar("engagement_level", { length: 20 }),
    engagement_frequency: varchar("engagement_frequency", { length: 20 }),
    /** Seconds. */
    avg_session_duration: integer("avg_session_duration"),
    last_active_at: timestamp("last_active_at", { withTimezone: true }),
    /** 0 to 1. */
    interaction_score: doublePrecision("interaction_score"),
    content_preferences: text("content_preferences").array().notNull().default(sql`'{}'::text[]`),
    /** 0 to 1: the propensity model's chance of a conversion in 30 days; NULL until a model scores the user. */
    conversion_propensity: doublePrecision("conversion_propensity"),
    traits: jsonb("traits").$type<Record<string, unknown>>().notNull().default({}),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    index("users_age_idx").on(t.age),
    index("users_location_idx").on(t.location),
    index("users_last_active_at_idx").on(t.last_active_at),
    index("users_interests_idx").using("gin", t.interests),
    index("users_content_preferences_idx").using("gin", t.content_preferences),
  ],
);

export const audienceSegments = pgTable(
  "audience_segments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    persona_id: uuid("persona_id").references(() => personas.id, { onDelete: "set null" }),
    segment_name: varchar("segment_name", { length: 100 }).notNull(),
    description: text("description"),
    criteria: jsonb("criteria").$type<Record<string, unknown>>().notNull(),
    strategy: varchar("strategy", { length: 20 }).notNull().default("hybrid"),
    status: varchar("status", { length: 20 }).notNull().default("active"),
    /** `manual`: members are added explicitly (the spec's model); `dynamic`: membership follows the criteria. */
    membership_mode: varchar("membership_mode", { length: 20 }).notNull().default("manual"),
    performance_metrics: jsonb("performance_metrics").$type<Record<string, unknown>>(),
    estimated_size: integer("estimated_size").notNull().default(0),
    member_count: integer("member_count").notNull().default(0),
    /** Delivery order: a user's segments and decisions are ranked by priority, highest first. */
    priority: integer("priority").notNull().default(0),
    created_at: createdAt(),
    updated_at: updatedAt(),
    last_analyzed_at: timestamp("last_analyzed_at", { withTimezone: true }),
  },
  (t) => [
    index("audience_segments_persona_id_idx").on(t.persona_id),
    index("audience_segments_status_idx").on(t.status),
    index("audience_segments_strategy_idx").on(t.strategy),
    unique("audience_segments_persona_name_key").on(t.persona_id, t.segment_name).nullsNotDistinct(),
  ],
);

export const segmentMembers = pgTable(
  "segment_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    segment_id: uuid("segment_id")
      .notNull()
      .references(() => audienceSegments.id, { onDelete: "cascade" }),
    user_id: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    confidence_score: doublePrecision("confidence_score").notNull().default(1.0),
    assignment_reason: jsonb("assignment_reason").$type<Record<string, unknown>>(),
    /** `manual` members are never removed by a criteria refresh; `criteria` members are. */
    source: varchar("source", { length: 20 }).notNull().default("manual"),
    joined_at: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    updated_at: updatedAt(),
  },
  (t) => [
    unique("segment_members_segment_user_key").on(t.segment_id, t.user_id),
    index("segment_members_user_id_idx").on(t.user_id),
  ],
);

/** Every join and leave, so that member growth can be computed for any period. */
export const segmentMembershipEvents = pgTable(
  "segment_membership_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    segment_id: uuid("segment_id")
      .notNull()
      .references(() => audienceSegments.id, { onDelete: "cascade" }),
    user_id: uuid("user_id").notNull(),
    /** `join` or `leave`. */
    event: varchar("event", { length: 10 }).notNull(),
    source: varchar("source", { length: 20 }).notNull().default("manual"),
    occurred_at: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("segment_membership_events_segment_time_idx").on(t.segment_id, t.occurred_at),
    // A user's join and leave history across segments.
    index("segment_membership_events_user_id_idx").on(t.user_id),
  ],
);

/** Every change to a segment's definition, with the audience size at that moment. */
export const segmentRevisions = pgTable(
  "segment_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    segment_id: uuid("segment_id")
      .notNull()
      .references(() => audienceSegments.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    /** Field name → `{from, to}`; on the first revision `from` is null. */
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    /** The segment's definition after the change. */
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    estimated_size: integer("estimated_size").notNull(),
    created_at: createdAt(),
  },
  (t) => [unique("segment_revisions_segment_revision_key").on(t.segment_id, t.revision)],
);

export const personalizedContent = pgTable(
  "personalized_content",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    content_id: uuid("content_id")
      .notNull()
      .references(() => content.id, { onDelete: "cascade" }),
    segment_id: uuid("segment_id")
      .notNull()
      .references(() => audienceSegments.id, { onDelete: "cascade" }),
    performance: jsonb("performance").$type<Record<string, unknown>>(),
    variant_id: varchar("variant_id", { length: 50 }),
    is_control: boolean("is_control").notNull().default(false),
    view_count: integer("view_count").notNull().default(0),
    engagement_count: integer("engagement_count").notNull().default(0),
    conversion_count: integer("conversion_count").notNull().default(0),
    engagement_rate: doublePrecision("engagement_rate").notNull().default(0),
    /** Relative traffic weight of this arm: its share is its weight over the sum of the segment's weights. */
    traffic_weight: doublePrecision("traffic_weight").notNull().default(1),
    published_at: timestamp("published_at", { withTimezone: true }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    index("personalized_content_segment_id_idx").on(t.segment_id),
    index("personalized_content_content_id_idx").on(t.content_id),
    uniqueIndex("personalized_content_segment_variant_key")
      .on(t.segment_id, t.variant_id)
      .where(sql`${t.variant_id} is not null`),
    uniqueIndex("personalized_content_one_control_key").on(t.segment_id).where(sql`${t.is_control}`),
  ],
);

/** A snapshot of the totals after every performance update: the performance history over time. */
export const contentPerformanceHistory = pgTable(
  "content_performance_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    personalized_content_id: uuid("personalized_content_id")
      .notNull()
      .references(() => personalizedContent.id, { onDelete: "cascade" }),
    view_count: integer("view_count").notNull(),
    engagement_count: integer("engagement_count").notNull(),
    conversion_count: integer("conversion_count").notNull(),
    engagement_rate: doublePrecision("engagement_rate").notNull(),
    recorded_at: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("content_performance_history_content_time_idx").on(t.personalized_content_id, t.recorded_at)],
);

/** What happened on each day (UTC): the source of engagement trends. */
export const contentPerformanceDaily = pgTable(
  "content_performance_daily",
  {
    personalized_content_id: uuid("personalized_content_id")
      .notNull()
      .references(() => personalizedContent.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    views: integer("views").notNull().default(0),
    engagements: integer("engagements").notNull().default(0),
    conversions: integer("conversions").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.personalized_content_id, t.day] })],
);

/**
 * The event stream: what users did, as sent to `POST /api/v1/events`. Reserved content events
 * (`content_view`, `content_engagement`, `content_conversion`) name the personalized content they concern.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The sender's idempotency key: the same key is stored once, however often it is sent. */
    event_id: varchar("event_id", { length: 200 }),
    user_id: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 100 }).notNull(),
    personalized_content_id: uuid("personalized_content_id").references(() => personalizedContent.id, {
      onDelete: "set null",
    }),
    occurred_at: timestamp("occurred_at", { withTimezone: true }).notNull(),
    received_at: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    value: doublePrecision("value"),
  },
  (t) => [
    uniqueIndex("events_event_id_key").on(t.event_id).where(sql`${t.event_id} is not null`),
    index("events_user_time_idx").on(t.user_id, t.occurred_at),
    index("events_content_time_idx")
      .on(t.personalized_content_id, t.occurred_at)
      .where(sql`${t.personalized_content_id} is not null`),
    index("events_name_time_idx").on(t.name, t.occurred_at),
  ],
);

/**
 * A segment's experiment settings. A segment without a row runs with the defaults (running, fixed
 * allocation, conversion, MDE 0.1, no auto-promotion), so content delivers without any setup.
 */
export const experimentSettings = pgTable("experiment_settings", {
  segment_id: uuid("segment_id")
    .primaryKey()
    .references(() => audienceSegments.id, { onDelete: "cascade" }),
  /** `running`, `paused`, `stopped` or `completed` (after a promotion). */
  status: varchar("status", { length: 20 }).notNull().default("running"),
  /** `fixed` (the arms' traffic weights) or `bandit` (Thompson sampling sets the weights). */
  allocation: varchar("allocation", { length: 20 }).notNull().default("fixed"),
  /** `conversion` or `engagement`. */
  primary_metric: varchar("primary_metric", { length: 20 }).notNull().default("conversion"),
  minimum_detectable_effect: doublePrecision("minimum_detectable_effect").notNull().default(0.1),
  auto_promote: boolean("auto_promote").notNull().default(false),
  /** The control's minimum share under bandit allocation. */
  control_floor: doublePrecision("control_floor").notNull().default(0.1),
  /** Hashed with the user id into the bucket; a segment without a row uses its own id. */
  salt: varchar("salt", { length: 100 }),
  winner_personalized_content_id: uuid("winner_personalized_content_id").references(
    () => personalizedContent.id,
    { onDelete: "set null" },
  ),
  completed_at: timestamp("completed_at", { withTimezone: true }),
  created_at: createdAt(),
  updated_at: updatedAt(),
});

/**
 * Every traffic split a segment's experiment has run with: arm id → share (0–1, summing to 1). Each
 * assignment points at the split in force when it was made, so the sample-ratio check can use planned shares.
 */
export const experimentAllocations = pgTable(
  "experiment_allocations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    segment_id: uuid("segment_id")
      .notNull()
      .references(() => audienceSegments.id, { onDelete: "cascade" }),
    shares: jsonb("shares").$type<Record<string, number>>().notNull(),
    /** `weights` (a weight or an arm changed), `bandit` (a re-allocation), `promote`. */
    reason: varchar("reason", { length: 20 }).notNull(),
    created_at: createdAt(),
  },
  (t) => [index("experiment_allocations_segment_time_idx").on(t.segment_id, t.created_at)],
);

/** Who is in which arm: written at a user's first exposure, then returned for every later decision. */
export const experimentAssignments = pgTable(
  "experiment_assignments",
  {
    segment_id: uuid("segment_id")
      .notNull()
      .references(() => audienceSegments.id, { onDelete: "cascade" }),
    user_id: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personalized_content_id: uuid("personalized_content_id")
      .notNull()
      .references(() => personalizedContent.id, { onDelete: "cascade" }),
    /** 0–9999, from the hash of (salt, user id). */
    bucket: integer("bucket").notNull(),
    allocation_id: bigint("allocation_id", { mode: "number" }).references(() => experimentAllocations.id, {
      onDelete: "set null",
    }),
    exposed_at: timestamp("exposed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.segment_id, t.user_id] }),
    index("experiment_assignments_content_time_idx").on(t.personalized_content_id, t.exposed_at),
    index("experiment_assignments_user_id_idx").on(t.user_id),
  ],
);

/** What changed in a segment's experiment and when: settings, weights, promotions, re-allocations. */
export const experimentHistory = pgTable(
  "experiment_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    segment_id: uuid("segment_id")
      .notNull()
      .references(() => audienceSegments.id, { onDelete: "cascade" }),
    /** `settings`, `weight`, `promote`, `reallocate`. */
    kind: varchar("kind", { length: 20 }).notNull(),
    /** Field → `{from, to}`. */
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("experiment_history_segment_time_idx").on(t.segment_id, t.at)],
);

/**
 * Facts about the database itself, one row per key. `initialized_at` marks a database that has been set up
 * once: demo data goes only into a database without it, never into one its owner emptied.
 */
export const appMeta = pgTable("app_meta", {
  key: varchar("key", { length: 100 }).primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updated_at: updatedAt(),
});

/**
 * Work that outlives the request that asked for it (a big segment refresh), polled at /api/v1/jobs/{id}.
 * `status`: queued → running → succeeded | failed; `progress` 0–1.
 */
export const backgroundJobs = pgTable(
  "background_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: varchar("kind", { length: 40 }).notNull(),
    segment_id: uuid("segment_id").references(() => audienceSegments.id, { onDelete: "cascade" }),
    status: varchar("status", { length: 20 }).notNull().default("queued"),
    progress: doublePrecision("progress").notNull().default(0),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: text("error"),
    created_at: createdAt(),
    started_at: timestamp("started_at", { withTimezone: true }),
    /** Touched with every progress step: a running job whose heartbeat is old lost its process. */
    updated_at: updatedAt(),
    finished_at: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("background_jobs_segment_created_idx").on(t.segment_id, t.created_at)],
);

// ---- issue 14: conversion propensity (discover) ----

/**
 * Each training of the conversion-propensity model, newest last: its held-out AUC and coefficients when it
 * trained, or why it did not (too little data). The newest row is the model in force.
 */
export const propensityModels = pgTable(
  "propensity_models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    status: varchar("status", { length: 20 }).$type<"trained" | "insufficient_data">().notNull(),
    reason: text("reason"),
    auc: doublePrecision("auc"),
    train_size: integer("train_size").notNull(),
    test_size: integer("test_size").notNull(),
    positives: integer("positives").notNull(),
    /** The fitted model (features, their centring and scale, weights), as the scoring statement reads it. */
    model: jsonb("model").$type<Record<string, unknown>>(),
    trained_at: timestamp("trained_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("propensity_models_trained_at_idx").on(t.trained_at)],
);

export type Persona = typeof personas.$inferSelect;
export type NewPersona = typeof personas.$inferInsert;
export type Content = typeof content.$inferSelect;
export type NewContent = typeof content.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Segment = typeof audienceSegments.$inferSelect;
export type NewSegment = typeof audienceSegments.$inferInsert;
export type SegmentMember = typeof segmentMembers.$inferSelect;
export type NewSegmentMember = typeof segmentMembers.$inferInsert;
export type SegmentMembershipEvent = typeof segmentMembershipEvents.$inferSelect;
export type SegmentRevision = typeof segmentRevisions.$inferSelect;
export type PersonalizedContent = typeof personalizedContent.$inferSelect;
export type NewPersonalizedContent = typeof personalizedContent.$inferInsert;
export type ContentPerformanceSnapshot = typeof contentPerformanceHistory.$inferSelect;
export type ContentPerformanceDay = typeof contentPerformanceDaily.$inferSelect;
export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type ExperimentSettings = typeof experimentSettings.$inferSelect;
export type ExperimentAllocation = typeof experimentAllocations.$inferSelect;
export type ExperimentAssignment = typeof experimentAssignments.$inferSelect;
export type ExperimentHistoryEntry = typeof experimentHistory.$inferSelect;
export type BackgroundJob = typeof backgroundJobs.$inferSelect;
export type PropensityModel = typeof propensityModels.$inferSelect;
