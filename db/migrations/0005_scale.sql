ALTER TABLE "segment_members" DROP CONSTRAINT "segment_members_segment_user_key";--> statement-breakpoint
ALTER TABLE "segment_members" DROP CONSTRAINT "segment_members_pkey";--> statement-breakpoint
ALTER TABLE "segment_members" ALTER COLUMN "id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_segment_user_key" PRIMARY KEY("segment_id","user_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "segment_members_segment_joined_idx" ON "segment_members" USING btree ("segment_id","joined_at","user_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "segment_members_segment_confidence_idx" ON "segment_members" USING btree ("segment_id","confidence_score","user_id");--> statement-breakpoint
-- hand-written (scale)
-- The members search (`search=`) matches a substring of a member's email, name or external id. One trigram
-- index over the three, joined by a unit separator (which the search refuses), serves `ILIKE '%…%'` without
-- reading every user. pg_trgm is a trusted extension (PostgreSQL 13+); PGlite loads it in db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_search_trgm_idx" ON "users" USING gin (
	(coalesce("email", '') || chr(31) || coalesce("name", '') || chr(31) || coalesce("external_id", '')) gin_trgm_ops
);
