import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
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
import type { Actor } from "@/lib/audit/actor-context";

// Column names are snake_case in TypeScript as in SQL: the API speaks the spec's snake_case JSON,
// so rows serialise as they are and no mapping layer can drift from the schema.

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** PostgreSQL's 64-bit transaction id (never wraps); read as a decimal string. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

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
  // No index on last_active_at, purchase_count or total_spent: every ingested event moves them (issue 13),
  // and an update that changes no indexed column is HOT — it rewrites the row in place on its page and
  // touches none of the nine indexes (8 ms → 1.4 ms per 100 profiles at 1,000,000 users). Migration 0010
  // leaves 10% of each page free for those updates (fillfactor 90).
  (t) => [
    index("users_age_idx").on(t.age),
    index("users_location_idx").on(t.location),
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
    /** Issue 13: a dynamic segment's members are exact as of this time (its last refresh or scheduled pass). */
    fresh_as_of: timestamp("fresh_as_of", { withTimezone: true }),
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
    /** Identifies the row in the API's Member JSON; not a key: a member is its segment and user. */
    id: uuid("id").notNull().defaultRandom(),
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
    // The key holds the user id, so the table can be sharded by user (docs/scaling.md); the constraint keeps
    // the name the API's 409 message is mapped by.
    primaryKey({ name: "segment_members_segment_user_key", columns: [t.segment_id, t.user_id] }),
    index("segment_members_user_id_idx").on(t.user_id),
    // The members list's sorts within a segment, each ending in user_id: its keyset cursor and tie-break.
    index("segment_members_segment_joined_idx").on(t.segment_id, t.joined_at, t.user_id),
    index("segment_members_segment_confidence_idx").on(t.segment_id, t.confidence_score, t.user_id),
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
    /** The writing transaction (issue 13): ties the event to its commit order in segment_change_commits. */
    txid: xid8("txid").notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index("segment_membership_events_segment_time_idx").on(t.segment_id, t.occurred_at),
    index("segment_membership_events_segment_txid_idx").on(t.segment_id, t.txid, t.id),
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
    /** Who made the change (issue 11): the request's actor, `{type: "local"}` in local mode. */
    author: jsonb("author").$type<Actor>().notNull().default({ type: "local" }),
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
    // Issue 13: event conditions aggregate one user's events of one name in a window.
    index("events_user_name_time_idx").on(t.user_id, t.name, t.occurred_at),
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

// ---- issue 13: segments that flow out (changes feed, webhooks) ----

/**
 * The commit order of membership changes, per segment: one row per (transaction, segment) that wrote
 * membership events or a revision, numbered from `segment_change_seq` while the transaction holds the
 * segment's row lock (taken by the trigger in the migration's hand-written block). The lock is held until
 * commit, so a later number is always visible after an earlier one: the changes feed and the webhook
 * outbox order by (seq, event id) and never skip an event that commits late.
 */
export const segmentChangeCommits = pgTable(
  "segment_change_commits",
  {
    txid: xid8("txid").notNull(),
    segment_id: uuid("segment_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    committed_at: timestamp("committed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.txid, t.segment_id] }),
    index("segment_change_commits_segment_seq_idx").on(t.segment_id, t.seq),
  ],
);

/** Where a segment's changes are sent. */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  description: varchar("description", { length: 200 }),
  /** Empty: every segment. */
  segment_ids: uuid("segment_ids").array().notNull().default(sql`'{}'::uuid[]`),
  events: text("events").array().notNull(),
  /** Standard Webhooks secret, `whsec_` + base64. */
  secret: text("secret").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  created_at: createdAt(),
  updated_at: updatedAt(),
});

/**
 * The outbox and the delivery log in one: rows are written by the triggers in the same transaction as the
 * change, then sent, retried and finally marked by the dispatcher (lib/webhooks/dispatcher.ts).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    /** Also the `webhook-id` header: the same on every attempt, so receivers can drop repeats. */
    id: uuid("id").primaryKey().defaultRandom(),
    webhook_id: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    /** Null for a test message. */
    segment_id: uuid("segment_id"),
    event_type: varchar("event_type", { length: 40 }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Order within the segment: the commit's `seq`, then the first event id of the chunk. */
    seq: bigint("seq", { mode: "number" }),
    position: bigint("position", { mode: "number" }).notNull().default(0),
    /** `pending`, `delivered` or `failed`. */
    status: varchar("status", { length: 12 }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    next_attempt_at: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** A dispatcher is sending it until then; after a crash another attempt starts once it has passed. */
    lease_until: timestamp("lease_until", { withTimezone: true }),
    /** Failures after this long (WEBHOOK_RETRY_HOURS) mark the delivery failed; "Retry" starts it again. */
    retry_window_started_at: timestamp("retry_window_started_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    last_error: text("last_error"),
    last_status_code: integer("last_status_code"),
    last_latency_ms: integer("last_latency_ms"),
    last_attempt_at: timestamp("last_attempt_at", { withTimezone: true }),
    delivered_at: timestamp("delivered_at", { withTimezone: true }),
    created_at: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_webhook_created_idx").on(t.webhook_id, t.created_at),
    index("webhook_deliveries_pending_idx")
      .on(t.webhook_id, t.segment_id, t.seq, t.position)
      .where(sql`status = 'pending'`),
  ],
);

export type Webhook = typeof webhooks.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

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

// ---- issue 11: audit log ----

/**
 * One entry per write, recorded inside the write's own transaction (lib/audit/record.ts), so a change and its
 * entry commit or roll back together. No foreign keys: the history of a deleted resource stays.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    /** Also the keyset cursor of GET /audit-log: newest first by id. */
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor_type: varchar("actor_type", { length: 16 }).$type<Actor["type"]>().notNull(),
    actor_id: text("actor_id"),
    actor_label: text("actor_label"),
    action: varchar("action", { length: 40 }).notNull(),
    resource_type: varchar("resource_type", { length: 40 }).notNull(),
    resource_id: text("resource_id"),
    /** Field → `{before, after}`, each value bounded (lib/audit/bounded-changes.ts). */
    changes: jsonb("changes").$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
    /** Counts of a bulk write (`{added: 120, not_found: 3}`): one entry, not one per row. */
    summary: jsonb("summary").$type<Record<string, number>>(),
  },
  (t) => [
    // The per-resource list (a segment's activity) filters by id alone, the Activity page often by type alone.
    index("audit_log_resource_idx").on(t.resource_id, t.id),
    index("audit_log_resource_type_idx").on(t.resource_type, t.id),
    index("audit_log_actor_idx").on(t.actor_type, t.actor_id, t.id),
  ],
);

export type AuditLogEntry = typeof auditLog.$inferSelect;
export type NewAuditLogEntry = typeof auditLog.$inferInsert;

// ---- issue 11: authentication (team members, sessions, API keys) ----
// Better Auth's tables under our names: its "user" is a member of the team, not one of the audience's
// profiles (`users` above), so its user model maps to `team_members` (lib/auth/better-auth.ts holds the mapping).

export const teamRoles = ["admin", "editor", "viewer"] as const;
export type TeamRole = (typeof teamRoles)[number];

export const teamMembers = pgTable(
  "team_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: varchar("name", { length: 200 }).notNull(),
    email: varchar("email", { length: 320 }).notNull(),
    email_verified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    role: varchar("role", { length: 20 }).$type<TeamRole>().notNull().default("viewer"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [uniqueIndex("team_members_email_idx").on(t.email)],
);

export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Better Auth keeps the session token itself; the cookie carries it signed with AUTH_SECRET. */
    token: text("token").notNull(),
    user_id: uuid("user_id")
      .notNull()
      .references(() => teamMembers.id, { onDelete: "cascade" }),
    expires_at: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip_address: text("ip_address"),
    user_agent: text("user_agent"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [uniqueIndex("auth_sessions_token_idx").on(t.token), index("auth_sessions_user_idx").on(t.user_id)],
);

export const authAccounts = pgTable(
  "auth_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    account_id: text("account_id").notNull(),
    provider_id: text("provider_id").notNull(),
    user_id: uuid("user_id")
      .notNull()
      .references(() => teamMembers.id, { onDelete: "cascade" }),
    access_token: text("access_token"),
    refresh_token: text("refresh_token"),
    id_token: text("id_token"),
    access_token_expires_at: timestamp("access_token_expires_at", { withTimezone: true }),
    refresh_token_expires_at: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    /** A scrypt hash (Better Auth's default), never the password. */
    password: text("password"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [index("auth_accounts_user_idx").on(t.user_id)],
);

export const authVerifications = pgTable(
  "auth_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expires_at: timestamp("expires_at", { withTimezone: true }).notNull(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [index("auth_verifications_identifier_idx").on(t.identifier)],
);

/** Keys for other systems: only the SHA-256 of the key is stored; the key itself is shown once, at creation. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: varchar("name", { length: 200 }).notNull(),
    /** The first characters of the key, to recognise it in a list. */
    prefix: varchar("prefix", { length: 32 }).notNull(),
    key_hash: varchar("key_hash", { length: 64 }).notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    created_by: uuid("created_by").references(() => teamMembers.id, { onDelete: "set null" }),
    created_at: createdAt(),
    last_used_at: timestamp("last_used_at", { withTimezone: true }),
    expires_at: timestamp("expires_at", { withTimezone: true }),
    revoked_at: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_keys_key_hash_idx").on(t.key_hash)],
);

export type TeamMember = typeof teamMembers.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;

export type PropensityModel = typeof propensityModels.$inferSelect;
