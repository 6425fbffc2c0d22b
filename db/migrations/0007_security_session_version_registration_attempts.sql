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
-- the other way round. Every organisation's code is also a row of organisation_usccs, whose primary
-- key refuses a second holder; the triggers keep it in step, so concurrent registrations cannot race
-- and bulk loads pay one index insert per row.
CREATE TABLE "organisation_usccs" (
  "uscc" text PRIMARY KEY NOT NULL,
  "kind" text NOT NULL CHECK ("kind" IN ('enterprise', 'institution'))
);
--> statement-breakpoint
INSERT INTO organisation_usccs (uscc, kind) SELECT uscc, 'institution' FROM institutions;
--> statement-breakpoint
INSERT INTO organisation_usccs (uscc, kind) SELECT uscc, 'enterprise' FROM enterprises ON CONFLICT (uscc) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION organisations_uscc_claim() RETURNS trigger AS $$
DECLARE
  k text := CASE TG_TABLE_NAME WHEN 'enterprises' THEN 'enterprise' ELSE 'institution' END;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.uscc IS NOT DISTINCT FROM OLD.uscc THEN RETURN NEW; END IF;
    DELETE FROM organisation_usccs WHERE uscc = OLD.uscc AND kind = k;
  END IF;
  BEGIN
    INSERT INTO organisation_usccs (uscc, kind) VALUES (NEW.uscc, k);
  EXCEPTION WHEN unique_violation THEN
    RAISE EXCEPTION 'USCC % already names another organisation', NEW.uscc
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'organisations_uscc_uq';
  END;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION organisations_uscc_release() RETURNS trigger AS $$
BEGIN
  DELETE FROM organisation_usccs WHERE uscc = OLD.uscc AND kind = CASE TG_TABLE_NAME WHEN 'enterprises' THEN 'enterprise' ELSE 'institution' END;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER enterprises_uscc_claim BEFORE INSERT OR UPDATE OF uscc ON enterprises
  FOR EACH ROW EXECUTE FUNCTION organisations_uscc_claim();
--> statement-breakpoint
CREATE TRIGGER institutions_uscc_claim BEFORE INSERT OR UPDATE OF uscc ON institutions
  FOR EACH ROW EXECUTE FUNCTION organisations_uscc_claim();
--> statement-breakpoint
CREATE TRIGGER enterprises_uscc_release AFTER DELETE ON enterprises
  FOR EACH ROW EXECUTE FUNCTION organisations_uscc_release();
--> statement-breakpoint
CREATE TRIGGER institutions_uscc_release AFTER DELETE ON institutions
  FOR EACH ROW EXECUTE FUNCTION organisations_uscc_release();
