// Document content is streamed into and out of PostgreSQL in 256 KB rows: a 20 MB file goes in and
// comes back byte for byte without the process's memory growing by the file's size, on PGlite (in
// a data folder, as the app runs) and on a PostgreSQL server alike.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { blobChunks, blobs } from '../../db/schema';
import { openTestDb, testDbKind } from '../../db/testing';
import { checkedContent, MAX_DOCUMENT_BYTES } from './content-check';
import { CHUNK_BYTES, postgresBlobStore, rechunk } from './storage';
import { PDF_HEAD, bigFile, collect, once, sha256Of, smallFile } from './test-files';

let h: DbHandle;
let dir: string | null = null;

beforeAll(async () => {
  if (testDbKind() === 'pglite') {
    dir = mkdtempSync(join(tmpdir(), 'krt-docs-'));
    h = await openDb({ pgliteDir: join(dir, 'pg') });
    await migrateDb(h);
  } else h = await openTestDb();
}, 60_000);
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
// Full collections before each sample (and a turn of the event loop between them, so freed
// buffers' memory is returned), so garbage not yet collected is not counted as growth.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mem = async () => {
  gc();
  await new Promise((r) => setImmediate(r));
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.arrayBuffers };
};

describe('the PostgreSQL blob store', () => {
  it('round-trips a small file, addressed by its SHA-256, and keeps one copy of the same content', async () => {
    const store = postgresBlobStore(h.db);
    const file = smallFile(PDF_HEAD, 'statement 2025');
    const a = await store.put(once(file));
    const b = await store.put(once(file));
    expect(b).toEqual(a);
    expect((await collect(store.get(a.sha256))).equals(file)).toBe(true);
    expect((await h.db.select({ n: count() }).from(blobs).where(eq(blobs.sha256, a.sha256)))[0].n).toBe(1);
  });

  it('a stream that fails half way leaves nothing stored', async () => {
    const before = (await h.db.select({ n: count() }).from(blobChunks))[0].n;
    const big = bigFile(PDF_HEAD, 3 * MB);
    await expect(postgresBlobStore(h.db).put(checkedContent(rechunk(big.stream()), () => {}, 2 * MB))).rejects.toMatchObject({
      messageKey: 'documents.errors.too_large',
    });
    expect((await h.db.select({ n: count() }).from(blobChunks))[0].n).toBe(before);
    expect((await h.db.select({ n: count() }).from(blobs).where(eq(blobs.sizeBytes, 0)))[0].n).toBe(0);
  });

  it(`streams a 20 MB file in and out without memory growing by its size (${testDbKind()})`, async () => {
    const store = postgresBlobStore(h.db);
    const file = bigFile(PDF_HEAD, MAX_DOCUMENT_BYTES);
    const base = await mem();
    let peakRss = base.rss;
    let peakHeap = base.heap;
    const sample = async () => {
      const m = await mem();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heap);
    };
    const watched = async function* (s: AsyncIterable<Uint8Array>) {
      let i = 0;
      for await (const c of s) {
        if (i++ % 8 === 0) await sample();
        yield c;
      }
    };
    const stored = await store.put(checkedContent(rechunk(watched(file.stream())), () => {}));
    expect(stored).toMatchObject({ sha256: file.sha256, sizeBytes: MAX_DOCUMENT_BYTES });
    expect((await h.db.select({ n: count() }).from(blobChunks).where(eq(blobChunks.blobId, stored.blobId)))[0].n).toBe(MAX_DOCUMENT_BYTES / CHUNK_BYTES);
    const back = await sha256Of(watched(store.get(stored.sha256)));
    await sample();
    expect(back).toEqual({ sha256: file.sha256, size: MAX_DOCUMENT_BYTES });
    const grewRss = peakRss - base.rss;
    const grewHeap = peakHeap - base.heap;
    console.log(`20 MB through the ${testDbKind()} store: peak RSS +${(grewRss / MB).toFixed(1)} MB, peak JS heap + buffers +${(grewHeap / MB).toFixed(1)} MB`);
    expect(grewHeap).toBeLessThan(MAX_DOCUMENT_BYTES);
    expect(grewRss).toBeLessThan(MAX_DOCUMENT_BYTES);
  }, 180_000);
});
