// The zone's figures computed once per state of their data, per instance. The key of an entry is
// the figures' data version (db/queries/figures.ts figuresVersion, migration 0017): how many
// transactions that wrote to a table the figures may read have committed. It is read on every
// call; two equal readings see exactly the same committed rows in those tables, and any commit
// that writes to one of them changes it, whereas writes that no figure reads (an officer's
// consent-access log row, notifications, sign-in attempts, the scheduler's bookkeeping) leave it,
// and the cached answers, alone. So a cached answer is exact whatever the figures' definitions, and
// a second instance (or a read replica at the same point) agrees by construction. The figures that
// depend on the clock include the zone day in their key (a period ending today reads current
// state); stale needs depend on the minute and are not cached here. Inside a transaction that has
// written, nothing is cached (its own rows change without changing the version). Concurrent calls of
// one key and version compute once. Every application step still changes the version: it spares
// the dashboards, exports and figures-API calls between two such writes, not the first after one.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../../db/client';
import { figuresVersion } from '../../db/queries/figures';
import { detached } from '../server/detached';

const MAX_ENTRIES = 200;

interface Entry {
  version: string;
  value: Promise<unknown>;
}

// On globalThis: Next bundles route handlers, pages and actions separately (see lib/products/public-cache.ts).
const g = globalThis as unknown as { __kerongtongFigureCache?: WeakMap<Db, Map<string, Entry>> };
const caches = (g.__kerongtongFigureCache ??= new WeakMap<Db, Map<string, Entry>>());

// A page that shows several figures (the dashboard: totals, the previous period, a breakdown, the
// funnel, the league table) reads the version once for all of them: figureBatch reads it, and the
// figureRead calls made inside use that reading instead of one statement each. Still exact: every
// answer served was computed at or after the batch's version, and stored under it, so a later
// reader with the same version (nothing they read committed since) gets what it would compute itself.
const batch = new AsyncLocalStorage<{ db: Db; version: string | null }>();

/**
 * Runs `fn` (reads only: it must not write through `db`) with one reading of the version shared by
 * the figureRead calls it makes on `db`.
 */
export async function figureBatch<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const version = await figuresVersion(db);
  return batch.run({ db, version }, fn);
}

/** The highest version each cache has seen. */
const highest = new WeakMap<Map<string, Entry>, bigint>();

/**
 * Versions only grow while the database lives on. A lower one means it was restored, or failed over
 * to a copy that lost commits, and the same count may come back with other data: forget everything.
 */
function forgetIfRestored(entries: Map<string, Entry>, version: string): void {
  const v = BigInt(version);
  const top = highest.get(entries);
  if (top !== undefined && v < top) entries.clear();
  if (top === undefined || v !== top) highest.set(entries, v);
}

/** `compute()`'s answer for `key` in the database's current state. Callers must not mutate it. */
export async function figureRead<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const shared = batch.getStore();
  const version = shared?.db === db ? shared.version : await figuresVersion(db);
  if (version === null) return compute(); // a transaction with writes of its own: not cacheable
  forgetIfRestored(entries, version);
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  // Outside this request's async context: the entry outlives it (lib/server/detached.ts).
  const value = detached(compute);
  const entry: Entry = { version, value };
  entries.delete(key);
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}
