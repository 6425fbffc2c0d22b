-- A credit code taken by someone it does not belong to (USCC squatting) locked the real company out
-- of registering: the registry (organisation_usccs, migration 0007) released a code only when its
-- organisation was deleted. Now an admin who rejects (or revokes) an enterprise for a code that is not
-- its own releases it: the enterprise keeps the code in uscc_released, uscc becomes null, and the
-- registry row goes, so the company the code names can register.
ALTER TABLE "enterprises" ALTER COLUMN "uscc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "uscc_released" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_uscc_or_released_chk" CHECK ("uscc" IS NOT NULL OR "uscc_released" IS NOT NULL);--> statement-breakpoint
CREATE OR REPLACE FUNCTION organisations_uscc_claim() RETURNS trigger AS $$
DECLARE
  k text := CASE TG_TABLE_NAME WHEN 'enterprises' THEN 'enterprise' ELSE 'institution' END;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.uscc IS NOT DISTINCT FROM OLD.uscc THEN RETURN NEW; END IF;
    DELETE FROM organisation_usccs WHERE uscc = OLD.uscc AND kind = k;
  END IF;
  -- A released code (null) claims nothing.
  IF NEW.uscc IS NULL THEN RETURN NEW; END IF;
  BEGIN
    INSERT INTO organisation_usccs (uscc, kind) VALUES (NEW.uscc, k);
  EXCEPTION WHEN unique_violation THEN
    RAISE EXCEPTION 'USCC % already names another organisation', NEW.uscc
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'organisations_uscc_uq';
  END;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
