CREATE TABLE "catalogue_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_state_one_row_chk" CHECK ("catalogue_state"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "catalogue_state" ("id") VALUES (1);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalogue_bump() RETURNS trigger AS $$
BEGIN
  UPDATE catalogue_state SET version = version + 1, changed_at = clock_timestamp() WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER products_catalogue_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();
--> statement-breakpoint
CREATE TRIGGER institutions_catalogue_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institutions
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();
--> statement-breakpoint
CREATE TRIGGER parks_catalogue_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parks
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();
--> statement-breakpoint
CREATE TRIGGER lpr_rates_catalogue_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lpr_rates
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();
