CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" varchar(200),
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"personalized_content_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"value" double precision
);
--> statement-breakpoint
CREATE TABLE "experiment_allocations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"segment_id" uuid NOT NULL,
	"shares" jsonb NOT NULL,
	"reason" varchar(20) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_assignments" (
	"segment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"personalized_content_id" uuid NOT NULL,
	"bucket" integer NOT NULL,
	"allocation_id" bigint,
	"exposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_assignments_segment_id_user_id_pk" PRIMARY KEY("segment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "experiment_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"segment_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_settings" (
	"segment_id" uuid PRIMARY KEY NOT NULL,
	"status" varchar(20) DEFAULT 'running' NOT NULL,
	"allocation" varchar(20) DEFAULT 'fixed' NOT NULL,
	"primary_metric" varchar(20) DEFAULT 'conversion' NOT NULL,
	"minimum_detectable_effect" double precision DEFAULT 0.1 NOT NULL,
	"auto_promote" boolean DEFAULT false NOT NULL,
	"control_floor" double precision DEFAULT 0.1 NOT NULL,
	"salt" varchar(100),
	"winner_personalized_content_id" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audience_segments" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "personalized_content" ADD COLUMN "traffic_weight" double precision DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_personalized_content_id_personalized_content_id_fk" FOREIGN KEY ("personalized_content_id") REFERENCES "public"."personalized_content"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_allocations" ADD CONSTRAINT "experiment_allocations_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignments" ADD CONSTRAINT "experiment_assignments_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignments" ADD CONSTRAINT "experiment_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignments" ADD CONSTRAINT "experiment_assignments_personalized_content_id_personalized_content_id_fk" FOREIGN KEY ("personalized_content_id") REFERENCES "public"."personalized_content"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignments" ADD CONSTRAINT "experiment_assignments_allocation_id_experiment_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."experiment_allocations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_history" ADD CONSTRAINT "experiment_history_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_settings" ADD CONSTRAINT "experiment_settings_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_settings" ADD CONSTRAINT "experiment_settings_winner_personalized_content_id_personalized_content_id_fk" FOREIGN KEY ("winner_personalized_content_id") REFERENCES "public"."personalized_content"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "events_event_id_key" ON "events" USING btree ("event_id") WHERE "events"."event_id" is not null;--> statement-breakpoint
CREATE INDEX "events_user_time_idx" ON "events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_content_time_idx" ON "events" USING btree ("personalized_content_id","occurred_at") WHERE "events"."personalized_content_id" is not null;--> statement-breakpoint
CREATE INDEX "events_name_time_idx" ON "events" USING btree ("name","occurred_at");--> statement-breakpoint
CREATE INDEX "experiment_allocations_segment_time_idx" ON "experiment_allocations" USING btree ("segment_id","created_at");--> statement-breakpoint
CREATE INDEX "experiment_assignments_content_time_idx" ON "experiment_assignments" USING btree ("personalized_content_id","exposed_at");--> statement-breakpoint
CREATE INDEX "experiment_assignments_user_id_idx" ON "experiment_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "experiment_history_segment_time_idx" ON "experiment_history" USING btree ("segment_id","at");