CREATE TABLE "audience_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"persona_id" uuid,
	"segment_name" varchar(100) NOT NULL,
	"description" text,
	"criteria" jsonb NOT NULL,
	"strategy" varchar(20) DEFAULT 'hybrid' NOT NULL,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"membership_mode" varchar(20) DEFAULT 'manual' NOT NULL,
	"performance_metrics" jsonb,
	"estimated_size" integer DEFAULT 0 NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_analyzed_at" timestamp with time zone,
	CONSTRAINT "audience_segments_persona_name_key" UNIQUE NULLS NOT DISTINCT("persona_id","segment_name")
);
--> statement-breakpoint
CREATE TABLE "content" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"persona_id" uuid,
	"title" varchar(200) NOT NULL,
	"body" text,
	"content_type" varchar(30) DEFAULT 'article' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_performance_daily" (
	"personalized_content_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"engagements" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "content_performance_daily_personalized_content_id_day_pk" PRIMARY KEY("personalized_content_id","day")
);
--> statement-breakpoint
CREATE TABLE "content_performance_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"personalized_content_id" uuid NOT NULL,
	"view_count" integer NOT NULL,
	"engagement_count" integer NOT NULL,
	"conversion_count" integer NOT NULL,
	"engagement_rate" double precision NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personalized_content" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"performance" jsonb,
	"variant_id" varchar(50),
	"is_control" boolean DEFAULT false NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"engagement_count" integer DEFAULT 0 NOT NULL,
	"conversion_count" integer DEFAULT 0 NOT NULL,
	"engagement_rate" double precision DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"segment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"confidence_score" double precision DEFAULT 1 NOT NULL,
	"assignment_reason" jsonb,
	"source" varchar(20) DEFAULT 'manual' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_members_segment_user_key" UNIQUE("segment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "segment_membership_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"segment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"event" varchar(10) NOT NULL,
	"source" varchar(20) DEFAULT 'manual' NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"segment_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"changes" jsonb NOT NULL,
	"definition" jsonb NOT NULL,
	"estimated_size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_revisions_segment_revision_key" UNIQUE("segment_id","revision")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" varchar(100),
	"email" varchar(254),
	"name" varchar(200),
	"age" integer,
	"location" varchar(2),
	"gender" varchar(30),
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"purchase_count" integer DEFAULT 0 NOT NULL,
	"total_spent" numeric(12, 2) DEFAULT 0 NOT NULL,
	"engagement_level" varchar(20),
	"engagement_frequency" varchar(20),
	"avg_session_duration" integer,
	"last_active_at" timestamp with time zone,
	"interaction_score" double precision,
	"content_preferences" text[] DEFAULT '{}'::text[] NOT NULL,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "audience_segments" ADD CONSTRAINT "audience_segments_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content" ADD CONSTRAINT "content_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_performance_daily" ADD CONSTRAINT "content_performance_daily_personalized_content_id_personalized_content_id_fk" FOREIGN KEY ("personalized_content_id") REFERENCES "public"."personalized_content"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_performance_history" ADD CONSTRAINT "content_performance_history_personalized_content_id_personalized_content_id_fk" FOREIGN KEY ("personalized_content_id") REFERENCES "public"."personalized_content"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personalized_content" ADD CONSTRAINT "personalized_content_content_id_content_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personalized_content" ADD CONSTRAINT "personalized_content_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_membership_events" ADD CONSTRAINT "segment_membership_events_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_revisions" ADD CONSTRAINT "segment_revisions_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audience_segments_persona_id_idx" ON "audience_segments" USING btree ("persona_id");--> statement-breakpoint
CREATE INDEX "audience_segments_status_idx" ON "audience_segments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "audience_segments_strategy_idx" ON "audience_segments" USING btree ("strategy");--> statement-breakpoint
CREATE INDEX "content_persona_id_idx" ON "content" USING btree ("persona_id");--> statement-breakpoint
CREATE INDEX "content_performance_history_content_time_idx" ON "content_performance_history" USING btree ("personalized_content_id","recorded_at");--> statement-breakpoint
CREATE INDEX "personalized_content_segment_id_idx" ON "personalized_content" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "personalized_content_content_id_idx" ON "personalized_content" USING btree ("content_id");--> statement-breakpoint
CREATE UNIQUE INDEX "personalized_content_segment_variant_key" ON "personalized_content" USING btree ("segment_id","variant_id") WHERE "personalized_content"."variant_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "personalized_content_one_control_key" ON "personalized_content" USING btree ("segment_id") WHERE "personalized_content"."is_control";--> statement-breakpoint
CREATE INDEX "segment_members_user_id_idx" ON "segment_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "segment_membership_events_segment_time_idx" ON "segment_membership_events" USING btree ("segment_id","occurred_at");--> statement-breakpoint
CREATE INDEX "users_age_idx" ON "users" USING btree ("age");--> statement-breakpoint
CREATE INDEX "users_location_idx" ON "users" USING btree ("location");--> statement-breakpoint
CREATE INDEX "users_last_active_at_idx" ON "users" USING btree ("last_active_at");--> statement-breakpoint
CREATE INDEX "users_interests_idx" ON "users" USING gin ("interests");--> statement-breakpoint
CREATE INDEX "users_content_preferences_idx" ON "users" USING gin ("content_preferences");