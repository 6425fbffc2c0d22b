-- The audit trail is append-only in the database itself, whoever connects.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- pledge_assets.live follows its pledge's status, so the partial unique index
-- pledge_assets_one_live_uq keeps every asset in at most one live pledge.
CREATE OR REPLACE FUNCTION pledges_sync_live() RETURNS trigger AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    UPDATE pledge_assets SET live = (NEW.status IN ('pending_registration', 'registered'))
     WHERE pledge_id = NEW.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pledges_sync_live AFTER UPDATE OF status ON pledges
  FOR EACH ROW EXECUTE FUNCTION pledges_sync_live();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pledge_assets_set_live() RETURNS trigger AS $$
BEGIN
  SELECT status IN ('pending_registration', 'registered') INTO NEW.live FROM pledges WHERE id = NEW.pledge_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pledge_assets_set_live BEFORE INSERT ON pledge_assets
  FOR EACH ROW EXECUTE FUNCTION pledge_assets_set_live();
