DROP INDEX "documents_slot_uq";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "title" text;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_slot_uq" ON "documents" USING btree ("enterprise_id","kind",coalesce("year", 0),coalesce("ip_asset_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("title", ''));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_title_chk" CHECK ("documents"."title" is null or ("documents"."kind" = 'other' and char_length("documents"."title") between 1 and 60));