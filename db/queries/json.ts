// Rows folded into one statement as JSON (json_agg / json_build_object subqueries): the drivers hand
// json back parsed (postgres.js, PGlite) or, through some paths, as text; either way the caller gets values.
// JSON has no bigint or date: subqueries cast those to text, and callers convert what they need.
import { sql, type SQL } from 'drizzle-orm';

export function parseJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** `coalesce(<subquery>, '[]')` as an array of T: a json_agg subquery that finds no rows gives []. */
export function jsonArray<T>(subquery: SQL) {
  return sql<T[]>`coalesce((${subquery}), '[]'::json)`.mapWith((v: unknown) => parseJson<T[]>(v));
}
