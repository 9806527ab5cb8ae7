CREATE TABLE "propensity_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" varchar(20) NOT NULL,
	"reason" text,
	"auc" double precision,
	"train_size" integer NOT NULL,
	"test_size" integer NOT NULL,
	"positives" integer NOT NULL,
	"model" jsonb,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "conversion_propensity" double precision;--> statement-breakpoint
CREATE INDEX "propensity_models_trained_at_idx" ON "propensity_models" USING btree ("trained_at");