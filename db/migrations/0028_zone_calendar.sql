CREATE TABLE "zone_calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zone_calendar_days_kind_chk" CHECK ("zone_calendar_days"."kind" in ('holiday', 'workday')),
	CONSTRAINT "zone_calendar_days_name_chk" CHECK (char_length("zone_calendar_days"."name") between 1 and 40)
);
--> statement-breakpoint
ALTER TABLE "zone_calendar_days" ADD CONSTRAINT "zone_calendar_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Stale needs count working days by this calendar: a change is a write the figures and the signed-in page cache see (migration 0017).
CREATE TRIGGER "zone_calendar_days_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "zone_calendar_days"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();
