-- Every ingested event moves a profile's last_active_at (and a purchase its purchase_count and total_spent).
-- Without an index on those columns and with room on each page, that update is HOT: the row is rewritten in
-- place and none of the table's indexes is touched. The fillfactor applies to pages written from now on.
DROP INDEX "users_last_active_at_idx";--> statement-breakpoint
ALTER TABLE "users" SET (fillfactor = 90);
