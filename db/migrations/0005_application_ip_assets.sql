CREATE TABLE "application_ip_assets" (
	"application_id" uuid NOT NULL,
	"ip_asset_id" uuid NOT NULL,
	CONSTRAINT "application_ip_assets_application_id_ip_asset_id_pk" PRIMARY KEY("application_id","ip_asset_id")
);
--> statement-breakpoint
ALTER TABLE "application_ip_assets" ADD CONSTRAINT "application_ip_assets_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_ip_assets" ADD CONSTRAINT "application_ip_assets_ip_asset_id_ip_assets_id_fk" FOREIGN KEY ("ip_asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_ip_assets_asset_idx" ON "application_ip_assets" USING btree ("ip_asset_id");