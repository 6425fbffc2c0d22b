// Where document content lives. One small interface — put a stream, get its SHA-256 back; get a
// stream by that hash — so an S3-compatible store can replace the PostgreSQL one without touching
// callers. The PostgreSQL store keeps content in blob_chunks (≤ 256 KB per row), written and read
// one chunk at a time: a file is never held whole in memory, on PGlite and a server alike, and
// it is part of every database backup.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { blobBySha, completeBlob, deleteBlob, insertChunk, insertPendingBlob, readChunk, sweepOrphanBlobs } from '../../db/queries/documents';
import { AppError, pgErrorCode } from '../core/errors';

export const CHUNK_BYTES = 256 * 1024;

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
  /** The store's own key for the content (the blobs row here). */
  blobId: string;
}

export interface BlobStore {
  /** Stores the stream; a throw from the stream (a refused file) leaves nothing stored. */
  put(source: AsyncIterable<Uint8Array>): Promise<StoredBlob>;
  /** The content, chunk by chunk; not_found if unknown. */
  get(sha256: string): AsyncIterable<Uint8Array>;
}

/** Regroups a byte stream into chunks of exactly `size` bytes (the last one shorter). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  let buf = new Uint8Array(size);
  let fill = 0;
  for await (const piece of source) {
    let off = 0;
    while (off < piece.length) {
      const n = Math.min(size - fill, piece.length - off);
      buf.set(piece.subarray(off, off + n), fill);
      fill += n;
      off += n;
      if (fill === size) {
        yield buf;
        buf = new Uint8Array(size);
        fill = 0;
      }
    }
  }
  if (fill > 0) yield buf.subarray(0, fill);
}

const asBytes = (u: Uint8Array) => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

export function postgresBlobStore(db: Db): BlobStore {
  return {
    async put(source) {
      const blobId = await insertPendingBlob(db);
      const hash = createHash('sha256');
      let size = 0;
      let seq = 0;
      try {
        for await (const chunk of rechunk(source)) {
          hash.update(chunk);
          size += chunk.length;
          await insertChunk(db, blobId, seq++, asBytes(chunk));
        }
      } catch (e) {
        await deleteBlob(db, blobId);
        throw e;
      }
      const sha256 = hash.digest('hex');
      let fresh = false;
      try {
        fresh = await completeBlob(db, blobId, sha256, size, seq);
      } catch (e) {
        if (pgErrorCode(e) !== '23505') throw e; // a concurrent upload of the same content completed first
      }
      if (fresh) return { sha256, sizeBytes: size, blobId };
      await deleteBlob(db, blobId); // the same content is stored already
      const existing = await blobBySha(db, sha256);
      return { sha256, sizeBytes: size, blobId: existing!.id };
    },
    async *get(sha256) {
      const blob = await blobBySha(db, sha256);
      if (!blob) throw new AppError('not_found');
      for (let seq = 0; seq < blob.chunkCount; seq++) {
        const data = await readChunk(db, blob.id, seq);
        if (!data) throw new Error(`blob ${blob.id} lacks chunk ${seq}`);
        yield data;
      }
    },
  };
}

/** How long an upload may take before its unfinished or unused content counts as left behind. */
export const BLOB_GRACE_MS = 60 * 60_000;

/** The sweep-blobs job: content no document version uses, older than the grace period, is deleted. */
export function sweepBlobs(db: Db, now: Date): Promise<number> {
  return sweepOrphanBlobs(db, new Date(now.getTime() - BLOB_GRACE_MS));
}
