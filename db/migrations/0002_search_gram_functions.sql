-- Full-text search that works for Chinese on PostgreSQL and PGlite alike, without extensions:
-- a document is indexed by its CJK characters and character bigrams plus its latin/digit words
-- (GIN over text[]); a query term must contain all its grams, then is rechecked as a substring.
CREATE OR REPLACE FUNCTION krt_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}') FROM (
    SELECT substr(s, i, 1) AS g FROM (SELECT lower(coalesce(t, '')) AS s) x, generate_series(1, length(s)) i
     WHERE substr(s, i, 1) ~ '^[\u3400-\u9fff]$'
    UNION ALL
    SELECT substr(s, i, 2) FROM (SELECT lower(coalesce(t, '')) AS s) x, generate_series(1, length(s) - 1) i
     WHERE substr(s, i, 2) ~ '^[\u3400-\u9fff]{2}$'
    UNION ALL
    SELECT w FROM regexp_split_to_table(lower(coalesce(t, '')), '[^a-z0-9]+') w WHERE w <> ''
  ) q
$$;
--> statement-breakpoint
-- The grams a query term must all be found among: bigrams of CJK runs, a lone CJK character
-- as itself, and latin/digit words.
CREATE OR REPLACE FUNCTION krt_query_grams(q text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}') FROM (
    SELECT substr(s, i, 2) AS g FROM (SELECT lower(coalesce(q, '')) AS s) x, generate_series(1, length(s) - 1) i
     WHERE substr(s, i, 2) ~ '^[\u3400-\u9fff]{2}$'
    UNION ALL
    SELECT m[1] FROM regexp_matches(lower(coalesce(q, '')), '(?<![\u3400-\u9fff])([\u3400-\u9fff])(?![\u3400-\u9fff])', 'g') m
    UNION ALL
    SELECT w FROM regexp_split_to_table(lower(coalesce(q, '')), '[^a-z0-9]+') w WHERE w <> ''
  ) t
$$;
