-- A sign-in sets users.last_login_at (db/queries/users.ts touchLastLogin), and the users table's
-- statement trigger (migration 0017) noted that as a write the figures may read: every sign-in in
-- the zone made every cached figure stale on every instance (2 sign-ins, 2 versions; measured at
-- tier M). No figure reads last_login_at. The trigger now fires on inserts, deletes, truncates and
-- on updates that set any other column; lib/figures/cache.int.test.ts checks the list stays every
-- column but that one.
DROP TRIGGER IF EXISTS "users_figure_write" ON "users";--> statement-breakpoint
CREATE TRIGGER "users_figure_write" AFTER INSERT OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();--> statement-breakpoint
CREATE TRIGGER "users_figure_write_update" AFTER UPDATE OF "id", "name", "email", "password_hash", "role", "enterprise_id",
  "institution_id", "member_role", "status", "created_at", "updated_at", "session_version" ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_write_note();
