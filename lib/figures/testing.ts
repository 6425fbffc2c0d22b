// Helpers for the figures' tests that play several app instances on one database.
import type { Db } from '../../db/client';
import { shareFigureAnswersThrough } from '../../db/queries/figure-answers';

/**
 * A handle of another instance on the database of `db`: the figure cache is per handle, so it has
 * nothing of the others' in memory. `share`: it shares answers through `db` (as db/index.ts
 * registers the figures' pool on PostgreSQL); without, it is an instance with no store (PGlite).
 */
export function otherInstance(db: Db, share = true): Db {
  const other = Object.create(db) as Db;
  if (share) shareFigureAnswersThrough(other, db);
  return other;
}

/** Resolves once `ok()` holds (answers are written after their callers have them), or fails after 4 s. */
export async function eventually(ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await ok()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never met');
}

/** A computation held until the test calls `release()`: `await gate` inside it. */
export function heldUntilReleased(): { gate: Promise<void>; release: () => void } {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
}
