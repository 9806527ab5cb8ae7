CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" varchar(16) NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"action" varchar(40) NOT NULL,
	"resource_type" varchar(40) NOT NULL,
	"resource_id" text,
	"changes" jsonb NOT NULL,
	"summary" jsonb
);
--> statement-breakpoint
ALTER TABLE "segment_revisions" ADD COLUMN "author" jsonb DEFAULT '{"type":"local"}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_resource_idx" ON "audit_log" USING btree ("resource_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_resource_type_idx" ON "audit_log" USING btree ("resource_type","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_type","actor_id","id");