-- The zone's figures are cached per instance (lib/figures/cache.ts) under a key that changes exactly
-- when data they may read changes. It was the database snapshot, which every commit changes: the
-- access-log row an officer writes by opening an application under consent, a notification read,
-- a sign-in attempt, the scheduler's bookkeeping. In a working zone that meant computing again on
-- nearly every dashboard. Now every statement that writes to a table other than those records notes
-- its transaction here (one row per transaction; a statement trigger, so a bulk load notes once),
-- and the key is how many such transactions have committed: a transaction's row becomes visible
-- exactly when it commits, and what one reader sees committed a later reader sees too, so an equal
-- count means the same committed writes. A job folds old rows into figure_writes_folded (the sum is
-- unchanged for every reader), keeping the count small.
CREATE TABLE "figure_writes" ("txid" bigint PRIMARY KEY);--> statement-breakpoint
CREATE TABLE "figure_writes_folded" ("one" boolean PRIMARY KEY DEFAULT true CHECK ("one"), "n" bigint NOT NULL);--> statement-breakpoint
INSERT INTO "figure_writes_folded" ("one", "n") VALUES (true, 0);--> statement-breakpoint
CREATE OR REPLACE FUNCTION figure_write_note() RETURNS trigger AS $$
BEGIN
  INSERT INTO figure_writes (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- On every table but these records, which no figure reads: blob_chunks, blobs, catalogue_state, consent_access_log, document_access_log, figure_snapshots, login_attempts, notifications, password_reset_tokens, registration_attempts, scheduled_jobs.
CREATE TRIGGER "app_settings_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app_settings"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "application_documents_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "application_documents"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "application_events_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "application_events"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "application_ip_assets_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "application_ip_assets"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "applications_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "applications"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "audit_events_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "certifications_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "certifications"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "claims_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "claims"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "consents_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consents"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "document_versions_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "document_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "documents_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "documents"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "enterprises_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enterprises"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "financing_needs_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "financing_needs"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "innovation_inputs_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "innovation_inputs"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "innovation_scores_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "innovation_scores"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "innovation_weight_sets_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "innovation_weight_sets"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "institutions_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "institutions"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "ip_assets_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ip_assets"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "loan_repayments_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "loan_repayments"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "loans_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "loans"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "lpr_rates_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lpr_rates"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "matches_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "matches"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "material_requests_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "material_requests"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "need_ip_assets_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "need_ip_assets"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "organisation_usccs_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisation_usccs"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "parks_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "parks"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "pledge_assets_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pledge_assets"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "pledges_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pledges"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "product_required_documents_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_required_documents"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "products_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "products"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "risk_schemes_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "risk_schemes"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "scheme_contributions_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "scheme_contributions"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "scheme_enrolments_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "scheme_enrolments"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "users_figure_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();
