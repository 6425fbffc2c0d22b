ALTER TABLE "products" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (krt_grams(name || ' ' || summary || ' ' || description)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "products_search_grams_idx" ON "products" USING gin ("search_grams") WHERE "products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "products_published_at_idx" ON "products" USING btree ("published_at") WHERE "products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "products_published_category_idx" ON "products" USING btree ("category","published_at") WHERE "products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "products_published_institution_idx" ON "products" USING btree ("institution_id","published_at") WHERE "products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "products_published_guarantee_idx" ON "products" USING gin ("guarantee_methods") WHERE "products"."status" = 'published';--> statement-breakpoint
CREATE INDEX "products_published_exclusive_idx" ON "products" USING btree ("published_at") WHERE "products"."status" = 'published' and "products"."zone_exclusive";