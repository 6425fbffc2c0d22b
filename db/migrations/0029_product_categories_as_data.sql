-- Product categories become the zone's data, not an enum in code (DESIGN §1: "parks, product categories
-- and schemes are data, not code, so another zone can run the same software"). The Foshan zone's seven
-- are entered here with the names the interface showed; products and schemes keep the same codes.
CREATE TABLE "product_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"pledges_ip" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_categories_code_chk" CHECK ("product_categories"."code" ~ '^[a-z][a-z0-9_]{1,31}$'),
	CONSTRAINT "product_categories_name_chk" CHECK (char_length("product_categories"."name") between 1 and 20 and char_length("product_categories"."name_en") between 1 and 40)
);
--> statement-breakpoint
INSERT INTO "product_categories" ("code", "name", "name_en", "sort_order", "pledges_ip") VALUES
	('points', '积分贷', 'Innovation-points loan', 10, false),
	('digital', '数字贷', 'Data-driven loan', 20, false),
	('equipment', '设备贷', 'Equipment loan', 30, false),
	('guarantee', '融担贷', 'Guarantee-fund loan', 40, false),
	('ip_pledge', '知识产权质押贷', 'IP-pledge loan', 50, true),
	('credit', '信用贷', 'Credit loan', 60, false),
	('other', '其他', 'Other', 70, false)
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "category" SET DATA TYPE text USING "category"::text;--> statement-breakpoint
ALTER TABLE "risk_schemes" ALTER COLUMN "eligible_categories" SET DATA TYPE text[] USING "eligible_categories"::text[];--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_product_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."product_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP TYPE "public"."product_category";--> statement-breakpoint
-- A category's name is on every product card: a change is a catalogue change (migration 0009) and a
-- write the figures and the signed-in page cache see (migration 0017).
CREATE TRIGGER "product_categories_catalogue_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_categories"
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();--> statement-breakpoint
CREATE TRIGGER "product_categories_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_categories"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();
