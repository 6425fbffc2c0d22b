// What a page render read from the public catalogue cache (lib/products/public-cache.ts), for the
// page cache (lib/server/page-cache.ts): the lowest catalogue version it used and when the oldest
// cached value it used was computed. The page cache keeps a rendered page under version V only when
// every catalogue read of its render was at V or later, and only while the oldest of them would
// still be served by the catalogue cache itself.
//
// Also the catalogue version as this instance knows it now, registered by instrumentation.ts (inside
// Next's bundle, where the database handle and the catalogue cache's state live) and read by
// scripts/server.ts. Kept on globalThis: Next's bundles and scripts/server.ts each load their own
// copy of this module.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CatalogueReads {
  /** Catalogue reads made by the render. */
  count: number;
  /** The lowest catalogue version among them. */
  minVersion: number;
  /** When the oldest cached value among them was computed (ms since the epoch). */
  oldestAt: number;
}

/** How long the catalogue cache serves a value it computed (whatever the version), and so a page rendered from it. */
export const CATALOGUE_ENTRY_TTL_MS = 60_000;

type VersionSource = () => Promise<number>;

const g = globalThis as unknown as { __krtRenderReads?: AsyncLocalStorage<CatalogueReads>; __krtCatalogueVersionSource?: VersionSource };
const storage = (g.__krtRenderReads ??= new AsyncLocalStorage<CatalogueReads>());

/** Runs `fn` (a render) and records its catalogue reads in the returned object as they happen. */
export function recordCatalogueReads<T>(fn: () => T): { reads: CatalogueReads; result: T } {
  const reads: CatalogueReads = { count: 0, minVersion: Number.POSITIVE_INFINITY, oldestAt: Number.POSITIVE_INFINITY };
  return { reads, result: storage.run(reads, fn) };
}

/** Called by every catalogue read: the version it was answered at and when its value was computed. */
export function noteCatalogueRead(version: number, computedAt: number): void {
  const r = storage.getStore();
  if (!r) return;
  r.count++;
  r.minVersion = Math.min(r.minVersion, version);
  r.oldestAt = Math.min(r.oldestAt, computedAt);
}

export function setCatalogueVersionSource(source: VersionSource): void {
  g.__krtCatalogueVersionSource = source;
}

/** The catalogue version this instance knows now, or null before instrumentation.ts registered its source. */
export function currentCatalogueVersion(): Promise<number> | null {
  return g.__krtCatalogueVersionSource?.() ?? null;
}
