// A per-instance cache of the public catalogue's reads (the catalogue, product pages, the landing
// page's counts, the products API). Entries are keyed by the catalogue version that PostgreSQL
// triggers bump on every change to products, institutions, parks or LPR rates, so no instance
// serves a product after its suspension for longer than the version is remembered (VERSION_TTL_MS,
// half a second): agreement across instances comes from the database, not from messages between
// them. Entries also expire after ENTRY_TTL_MS, for what changes without a version bump (the
// institutions' response-time medians, an LPR rate whose effective date arrives). Concurrent
// misses of one key compute once. Nothing here is durable: a new instance starts empty.
import type { Db } from '../../db/client';
import { catalogueVersion } from '../../db/queries/catalogue-version';
import { detached } from '../server/detached';
import { CATALOGUE_ENTRY_TTL_MS, noteCatalogueRead } from '../server/render-reads';

export const VERSION_TTL_MS = Number(process.env.CATALOGUE_VERSION_TTL_MS ?? 500);
const ENTRY_TTL_MS = CATALOGUE_ENTRY_TTL_MS;
const MAX_ENTRIES = 2_000;

interface Entry {
  version: number;
  at: number;
  value: Promise<unknown>;
}

/** One cache per database handle (an app instance has one; tests open many). */
interface Cache {
  entries: Map<string, Entry>;
  known: { version: number; at: number } | null;
  reading: Promise<number> | null;
}

// On globalThis, like the database handle (db/index.ts): Next bundles route handlers, pages and
// server actions separately, and each bundle would otherwise hold its own copy of this module.
const g = globalThis as unknown as { __kerongtongPublicCache?: WeakMap<Db, Cache> };
const caches = (g.__kerongtongPublicCache ??= new WeakMap<Db, Cache>());

function cacheOf(db: Db): Cache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { entries: new Map(), known: null, reading: null }));
  return c;
}

async function currentVersion(db: Db, c: Cache, now: number): Promise<number> {
  if (c.known && now - c.known.at < VERSION_TTL_MS) return c.known.version;
  c.reading ??= catalogueVersion(db)
    .then((version) => {
      c.known = { version, at: Date.now() };
      return version;
    })
    .finally(() => {
      c.reading = null;
    });
  return c.reading;
}

/** The catalogue version this instance knows now (read again when older than VERSION_TTL_MS). */
export function publicCatalogueVersion(db: Db): Promise<number> {
  return currentVersion(db, cacheOf(db), Date.now());
}

/**
 * This instance has just changed the catalogue (a product or institution transition committed):
 * read the version again on the next read, so its own users see the change at once. Other
 * instances see it within VERSION_TTL_MS.
 */
export function catalogueChanged(db: Db): void {
  const c = caches.get(db);
  if (c) c.known = null;
}

/**
 * `compute()`'s answer for `key` at the current catalogue version. The value is shared between
 * requests: callers must not mutate it.
 */
export async function publicRead<T>(db: Db, key: string, compute: () => Promise<T>, o: { freshVersion?: boolean } = {}): Promise<T> {
  const c = cacheOf(db);
  const now = Date.now();
  // freshVersion: the version read now, not trusted for VERSION_TTL_MS (a signed-in page that must
  // show a catalogue change at once; one cheap statement).
  if (o.freshVersion) c.known = null;
  const version = await currentVersion(db, c, now);
  const hit = c.entries.get(key);
  if (hit && hit.version === version && now - hit.at < ENTRY_TTL_MS) {
    noteCatalogueRead(version, hit.at); // for the page cache (lib/server/page-cache.ts)
    c.entries.delete(key); // most recently used last
    c.entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  noteCatalogueRead(version, now);
  // Outside this request's async context: the entry outlives it (lib/server/detached.ts).
  const value = detached(compute);
  const entry: Entry = { version, at: now, value };
  c.entries.delete(key);
  c.entries.set(key, entry);
  // A failure is not cached.
  value.catch(() => {
    if (c.entries.get(key) === entry) c.entries.delete(key);
  });
  while (c.entries.size > MAX_ENTRIES) c.entries.delete(c.entries.keys().next().value as string);
  return value;
}
