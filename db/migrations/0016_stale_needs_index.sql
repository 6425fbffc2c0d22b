-- The dashboard's stale needs (open, no institution has acted, posted more than three working days
-- ago): the oldest ten and how many. Both scanned every open need and joined its enterprise (88 ms
-- with three parallel workers at tier M for 15,139 stale needs); this partial index holds exactly the
-- candidates in list order, with what the filter and the count need, so the list reads ten entries
-- and the count walks the index alone (5 ms).
CREATE INDEX IF NOT EXISTS "financing_needs_stale_idx" ON "financing_needs" ("created_at", "id") INCLUDE ("wanted_by", "enterprise_id")
  WHERE "status" = 'open' AND "first_institution_action_at" IS NULL;
