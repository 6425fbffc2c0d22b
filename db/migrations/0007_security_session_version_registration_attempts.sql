CREATE TABLE "registration_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "device" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "registration_attempts_ip_at_idx" ON "registration_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "login_attempts_device_at_idx" ON "login_attempts" USING btree ("device","at") WHERE "login_attempts"."device" is not null;--> statement-breakpoint
-- One USCC names one organisation: an enterprise may not register with an institution's code, nor
-- the other way round. The per-code advisory lock makes two concurrent registrations of the same
-- code wait for each other, so the check cannot race.
CREATE OR REPLACE FUNCTION organisations_uscc_unique() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('uscc:' || NEW.uscc));
  IF TG_TABLE_NAME = 'enterprises' THEN
    IF EXISTS (SELECT 1 FROM institutions WHERE uscc = NEW.uscc) THEN
      RAISE EXCEPTION 'USCC % belongs to an institution', NEW.uscc
        USING ERRCODE = 'unique_violation', CONSTRAINT = 'organisations_uscc_uq';
    END IF;
  ELSE
    IF EXISTS (SELECT 1 FROM enterprises WHERE uscc = NEW.uscc) THEN
      RAISE EXCEPTION 'USCC % belongs to an enterprise', NEW.uscc
        USING ERRCODE = 'unique_violation', CONSTRAINT = 'organisations_uscc_uq';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER enterprises_uscc_unique BEFORE INSERT OR UPDATE OF uscc ON enterprises
  FOR EACH ROW EXECUTE FUNCTION organisations_uscc_unique();
--> statement-breakpoint
CREATE TRIGGER institutions_uscc_unique BEFORE INSERT OR UPDATE OF uscc ON institutions
  FOR EACH ROW EXECUTE FUNCTION organisations_uscc_unique();
