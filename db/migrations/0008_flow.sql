CREATE TABLE "segment_change_commits" (
	"txid" "xid8" NOT NULL,
	"segment_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_change_commits_txid_segment_id_pk" PRIMARY KEY("txid","segment_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"webhook_id" uuid NOT NULL,
	"segment_id" uuid,
	"event_type" varchar(40) NOT NULL,
	"payload" jsonb NOT NULL,
	"seq" bigint,
	"position" bigint DEFAULT 0 NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"retry_window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"last_status_code" integer,
	"last_latency_ms" integer,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"description" varchar(200),
	"segment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "segment_membership_events" ADD COLUMN "txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "segment_change_commits_segment_seq_idx" ON "segment_change_commits" USING btree ("segment_id","seq");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_created_idx" ON "webhook_deliveries" USING btree ("webhook_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" USING btree ("webhook_id","segment_id","seq","position") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "segment_membership_events_segment_txid_idx" ON "segment_membership_events" USING btree ("segment_id","txid","id");--> statement-breakpoint
-- hand-written (flow)
CREATE SEQUENCE IF NOT EXISTS segment_change_seq;
--> statement-breakpoint
-- Events written before this migration all carry the migration's txid: one commit row per segment
-- makes them readable by the changes feed, oldest first.
INSERT INTO segment_change_commits (txid, segment_id, seq)
SELECT t.txid, t.segment_id, nextval('segment_change_seq')
FROM (SELECT DISTINCT txid, segment_id FROM segment_membership_events ORDER BY segment_id) t
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Numbers this transaction's changes to the given segments in commit order: the segment rows are locked
-- first (id order, as every membership writer does) and stay locked until commit, so a transaction that
-- gets a later number on the same segment becomes visible only after this one. Answers nothing.
CREATE OR REPLACE FUNCTION record_segment_change_commits(segment_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- One statement (PGlite pays per statement): lock in id order, then number what this transaction has
  -- not numbered yet (the primary key keeps the first number of a transaction's change to a segment).
  INSERT INTO segment_change_commits (txid, segment_id, seq)
  SELECT pg_current_xact_id(), s.id, nextval('segment_change_seq')
  FROM (
    SELECT id FROM audience_segments WHERE id = ANY(segment_ids) ORDER BY id FOR NO KEY UPDATE
  ) s
  ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
-- Every statement that records joins or leaves, whoever runs it, numbers its commit and writes the webhook
-- outbox in the same transaction: one message per webhook, segment, event type and 500 members.
CREATE OR REPLACE FUNCTION segment_membership_events_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_segment_change_commits(ARRAY(SELECT DISTINCT segment_id FROM new_events));
  IF NOT EXISTS (SELECT 1 FROM webhooks WHERE enabled) THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (webhook_id, segment_id, event_type, payload, seq, position)
  SELECT w.id, chunk.segment_id, chunk.event_type,
    jsonb_build_object(
      'type', chunk.event_type,
      'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', jsonb_build_object(
        'segment_id', chunk.segment_id,
        'segment_name', s.segment_name,
        'members', chunk.members
      )
    ),
    c.seq, chunk.position
  FROM (
    SELECT n.segment_id,
      CASE n.event WHEN 'join' THEN 'segment.member_joined' ELSE 'segment.member_left' END AS event_type,
      min(n.id) AS position,
      jsonb_agg(jsonb_build_object(
        'user_id', n.user_id,
        'source', n.source,
        'at', to_char(n.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      ) ORDER BY n.id) AS members
    FROM (
      SELECT e.*, (row_number() OVER (PARTITION BY e.segment_id, e.event ORDER BY e.id) - 1) / 500 AS chunk_no
      FROM new_events e
    ) n
    GROUP BY n.segment_id, n.event, n.chunk_no
  ) chunk
  JOIN segment_change_commits c ON c.txid = pg_current_xact_id() AND c.segment_id = chunk.segment_id
  JOIN audience_segments s ON s.id = chunk.segment_id
  JOIN webhooks w ON w.enabled
    AND chunk.event_type = ANY(w.events)
    AND (cardinality(w.segment_ids) = 0 OR chunk.segment_id = ANY(w.segment_ids));
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS segment_membership_events_outbox ON segment_membership_events;
--> statement-breakpoint
CREATE TRIGGER segment_membership_events_outbox
AFTER INSERT ON segment_membership_events
REFERENCING NEW TABLE AS new_events
FOR EACH STATEMENT EXECUTE FUNCTION segment_membership_events_outbox();
--> statement-breakpoint
-- A definition change (every one writes a revision) is a `segment.updated` message, ordered with the
-- segment's membership changes.
CREATE OR REPLACE FUNCTION segment_revisions_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhooks WHERE enabled AND 'segment.updated' = ANY(events)) THEN
    RETURN NULL;
  END IF;
  PERFORM record_segment_change_commits(ARRAY(SELECT DISTINCT segment_id FROM new_revisions));
  INSERT INTO webhook_deliveries (webhook_id, segment_id, event_type, payload, seq, position)
  SELECT w.id, r.segment_id, 'segment.updated',
    jsonb_build_object(
      'type', 'segment.updated',
      'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', jsonb_build_object(
        'segment_id', r.segment_id,
        'segment_name', s.segment_name,
        'revision', r.revision,
        'changes', r.changes
      )
    ),
    c.seq, 0
  FROM new_revisions r
  JOIN segment_change_commits c ON c.txid = pg_current_xact_id() AND c.segment_id = r.segment_id
  JOIN audience_segments s ON s.id = r.segment_id
  JOIN webhooks w ON w.enabled
    AND 'segment.updated' = ANY(w.events)
    AND (cardinality(w.segment_ids) = 0 OR r.segment_id = ANY(w.segment_ids));
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS segment_revisions_outbox ON segment_revisions;
--> statement-breakpoint
CREATE TRIGGER segment_revisions_outbox
AFTER INSERT ON segment_revisions
REFERENCING NEW TABLE AS new_revisions
FOR EACH STATEMENT EXECUTE FUNCTION segment_revisions_outbox();
