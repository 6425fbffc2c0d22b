// The sweep-blobs job deletes document content that no version uses once the upload's grace period
// has passed (an upload cut off mid-stream, or content whose version was never written), with its
// chunks, and never content a version uses or an upload still in progress.
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { blobChunks, blobs, parks } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { APP_JOBS } from '../jobs/app-jobs';
import { enterpriseActor } from '../test-fixtures';
import { documentUploadSchema } from '../validation/document';
import { BLOB_GRACE_MS, sweepBlobs } from './storage';
import { once, PDF_HEAD, smallFile } from './test-files';
import { uploadDocument } from './vault';

let h: DbHandle;
let sme: Actor;

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  sme = await enterpriseActor(h.db, { name: '清理测试科技', parkId: p.id });
});
afterAll(async () => h?.close());

const chunksOf = async (ids: string[]) => Number((await h.db.select({ n: count() }).from(blobChunks).where(inArray(blobChunks.blobId, ids)))[0].n);

describe('the sweep-blobs job', () => {
  it('is one of the app jobs', () => {
    expect(APP_JOBS.map((j) => j.name)).toContain('sweep-blobs');
  });

  it('deletes old content no version uses, with its chunks, and keeps used content and recent uploads', async () => {
    const used = await uploadDocument(h.db, sme, documentUploadSchema.parse({ kind: 'business_license' }), {
      name: '营业执照.pdf',
      content: once(smallFile(PDF_HEAD, 'licence')),
    });
    const long = new Date(Date.now() - 2 * BLOB_GRACE_MS);
    // Cut off mid-stream two hours ago (no hash), finished but never given a version, and one in progress now.
    const [cut] = await h.db.insert(blobs).values({ createdAt: long }).returning();
    const [unused] = await h.db
      .insert(blobs)
      .values({ createdAt: long, sha256: 'f'.repeat(64), sizeBytes: 3, chunkCount: 1, completedAt: long })
      .returning();
    const [fresh] = await h.db.insert(blobs).values({}).returning();
    for (const b of [cut, unused, fresh]) await h.db.insert(blobChunks).values({ blobId: b.id, seq: 0, data: new Uint8Array([1, 2, 3]) });
    await h.db.update(blobs).set({ createdAt: long }).where(eq(blobs.id, used.blobId));

    expect(await sweepBlobs(h.db, new Date())).toBe(2);

    const left = (await h.db.select({ id: blobs.id }).from(blobs)).map((b) => b.id);
    expect(left).toContain(used.blobId);
    expect(left).toContain(fresh.id);
    expect(left).not.toContain(cut.id);
    expect(left).not.toContain(unused.id);
    expect(await chunksOf([cut.id, unused.id])).toBe(0);
    expect(await chunksOf([used.blobId, fresh.id])).toBeGreaterThan(0);
  });
});
