// A total that stops counting at a cap: lists whose exact count would scan millions of rows at
// province scale (the audit trail, an institution's need × product pairs) say "more than N" instead.
import { count } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

/** The rows of `query`, counted up to `cap`: `capped` when there are more (then `total` is `cap`). */
export async function countUpTo(db: Db, query: PgSelect, cap: number): Promise<{ total: number; capped: boolean }> {
  const [r] = await db.select({ n: count() }).from(query.limit(cap + 1).as('counted'));
  const n = Number(r?.n ?? 0);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}
