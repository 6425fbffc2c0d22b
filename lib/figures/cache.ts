// The zone's figures computed once per state of the database, per instance. The key of an entry is
// the database's snapshot (pg_current_snapshot(): xmin, xmax and the transactions in progress), read
// on every call: two snapshots that print the same see exactly the same committed rows, and any
// commit or abort anywhere in the database changes it. So a cached answer is served only while no
// transaction has ended since it was computed — exact, whatever the figures' definitions, and a
// second instance (or a read replica at the same point) agrees by construction. The figures that
// depend on the clock include the zone day in their key (a period ending today reads current state);
// stale needs depend on the minute and are not cached here. Inside a transaction that has written,
// nothing is cached (its own rows change without changing the snapshot). Concurrent calls of one key and snapshot
// compute once. A busy database (writes every second) makes this a miss each time: it spares the
// repeated dashboards, exports and figures-API calls of a quiet period, not the first one.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../../db/client';
import { databaseSnapshot } from '../../db/queries/figures';
import { detached } from '../server/detached';

const MAX_ENTRIES = 200;

interface Entry {
  snapshot: string;
  value: Promise<unknown>;
}

// On globalThis: Next bundles route handlers, pages and actions separately (see lib/products/public-cache.ts).
const g = globalThis as unknown as { __kerongtongFigureCache?: WeakMap<Db, Map<string, Entry>> };
const caches = (g.__kerongtongFigureCache ??= new WeakMap<Db, Map<string, Entry>>());

// A page that shows several figures (the dashboard: totals, the previous period, a breakdown, the
// funnel, the league table) reads the snapshot once for all of them: figureBatch reads it, and the
// figureRead calls made inside use that reading instead of one statement each. Still exact: every
// answer served was computed at or after the batch's snapshot, and stored under it, so a later
// reader with the same snapshot (nothing committed since) gets what it would compute itself.
const batch = new AsyncLocalStorage<{ db: Db; snapshot: string | null }>();

/**
 * Runs `fn` (reads only: it must not write through `db`) with one reading of the snapshot shared by
 * the figureRead calls it makes on `db`.
 */
export async function figureBatch<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const snapshot = await databaseSnapshot(db);
  return batch.run({ db, snapshot }, fn);
}

/** `compute()`'s answer for `key` in the database's current state. Callers must not mutate it. */
export async function figureRead<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const shared = batch.getStore();
  const snapshot = shared?.db === db ? shared.snapshot : await databaseSnapshot(db);
  if (snapshot === null) return compute(); // a transaction with writes of its own: not cacheable
  const hit = entries.get(key);
  if (hit && hit.snapshot === snapshot) {
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  // Outside this request's async context: the entry outlives it (lib/server/detached.ts).
  const value = detached(compute);
  const entry: Entry = { snapshot, value };
  entries.delete(key);
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}
