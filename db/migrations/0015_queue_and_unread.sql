-- Two reads every signed-in page or officer makes, made index walks (bench/README.md, "Queue and unread").
--
-- 1. The officers' queue orders an institution's waiting applications by when their current state
--    began (the last timeline event). It was a correlated max() over application_events per row and a
--    sort of every waiting application (23 ms for the demo bank's 3,379 at tier M, growing with the
--    bank). applications.last_event_at holds that time, kept by a statement trigger on
--    application_events (so the app, the demo seed and the scale generator all keep it), and a partial
--    index walks the waiting ones in queue order.
ALTER TABLE "applications" ADD COLUMN "last_event_at" timestamp with time zone;--> statement-breakpoint
UPDATE applications a SET last_event_at = e.at
  FROM (SELECT application_id, max(at) AS at FROM application_events GROUP BY application_id) e
  WHERE e.application_id = a.id;--> statement-breakpoint
CREATE OR REPLACE FUNCTION applications_track_last_event() RETURNS trigger AS $$
BEGIN
  UPDATE applications a SET last_event_at = e.at
    FROM (SELECT application_id, max(at) AS at FROM new_events GROUP BY application_id) e
    WHERE a.id = e.application_id AND (a.last_event_at IS NULL OR a.last_event_at < e.at);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER application_events_track_last_event AFTER INSERT ON application_events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION applications_track_last_event();--> statement-breakpoint
-- The waiting states are written as "not one of the final ones": 'materials_requested' was added to
-- the enum by 0010, and on a new database every migration runs in one transaction, where a value
-- added to an enum cannot be used yet. The queue's "in (the four waiting states)" implies it.
CREATE INDEX IF NOT EXISTS "applications_queue_idx" ON "applications" ("institution_id", (coalesce("last_event_at", "submitted_at")), "id")
  WHERE "status" NOT IN ('disbursed', 'rejected', 'withdrawn');--> statement-breakpoint
-- 2. The unread count in every signed-in page's header scanned the whole notifications table (342 ms
--    with 2 M notifications). Partial indexes hold only the unread rows, per kind of recipient.
CREATE INDEX IF NOT EXISTS "notifications_unread_user_idx" ON "notifications" ("user_id") WHERE "read_at" IS NULL AND "user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notifications_unread_enterprise_idx" ON "notifications" ("enterprise_id") WHERE "read_at" IS NULL AND "enterprise_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notifications_unread_institution_idx" ON "notifications" ("institution_id") WHERE "read_at" IS NULL AND "institution_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notifications_unread_admins_idx" ON "notifications" ("id") WHERE "read_at" IS NULL AND "to_admins";
