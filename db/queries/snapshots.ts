// Precomputed figures shared by every instance (figure_snapshots). Computing one is single flight
// across instances: the computer holds a transaction-scoped advisory lock per key, and whoever
// arrives meanwhile waits for that lock and then reads the fresh row instead of computing again.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { figureSnapshots } from '../schema';

export interface Snapshot<T> {
  value: T;
  computedAt: Date;
}

export async function readSnapshot<T>(db: Db, key: string): Promise<Snapshot<T> | null> {
  const [r] = await db.select().from(figureSnapshots).where(eq(figureSnapshots.key, key));
  return r ? { value: r.value as T, computedAt: r.computedAt } : null;
}

/**
 * Recomputes `key` unless someone else finished it after `olderThan` while we waited for the lock.
 * Returns the snapshot that is current when the lock is ours. `statementTimeoutMs`: the limit for
 * the computation's statements in place of the connection's (figures over a province take longer
 * than a request's statement may).
 */
export async function refreshSnapshot<T>(
  db: Db,
  key: string,
  compute: (db: Db) => Promise<T>,
  olderThan = new Date(),
  statementTimeoutMs?: number,
): Promise<Snapshot<T>> {
  return db.transaction(async (tx) => {
    if (statementTimeoutMs !== undefined) await tx.execute(sql.raw(`set local statement_timeout = ${Math.max(0, Math.trunc(statementTimeoutMs))}`));
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`figure_snapshot:${key}`}))`);
    const rows = rowsOf<{ value: T; computed_at: string | Date }>(await tx.execute(sql`select value, computed_at from figure_snapshots where key = ${key}`));
    const current = rows[0] ? { value: rows[0].value, computedAt: new Date(rows[0].computed_at) } : null;
    if (current && current.computedAt >= olderThan) return current;
    const value = await compute(tx);
    const [r] = await tx
      .insert(figureSnapshots)
      .values({ key, value: value as object, computedAt: sql`clock_timestamp()` })
      .onConflictDoUpdate({ target: figureSnapshots.key, set: { value: value as object, computedAt: sql`clock_timestamp()` } })
      .returning();
    return { value: r.value as T, computedAt: r.computedAt };
  });
}
