// Streams a multipart upload: the form's text fields (which must come before the file, as the
// upload form sends them) and the one file, handed over as a stream while it arrives. Nothing is
// buffered whole; a file past the limit is cut at limit + 1 byte so the content check refuses it.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/content-check';
import { AppError } from '@/lib/core/errors';

export interface UploadedFile {
  name: string;
  content: AsyncIterable<Uint8Array>;
}

export function withUploadedFile<T>(req: Request, handle: (fields: Record<string, string>, file: UploadedFile) => Promise<T>): Promise<T> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!req.body || !contentType.toLowerCase().startsWith('multipart/form-data')) return Promise.reject(new AppError('invalid', 'documents.errors.bad_upload'));
  return new Promise<T>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { 'content-type': contentType },
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 20, fieldSize: 1000, fileSize: MAX_DOCUMENT_BYTES + 1 },
      });
    } catch {
      reject(new AppError('invalid', 'documents.errors.bad_upload'));
      return;
    }
    const fields: Record<string, string> = {};
    let result: Promise<T> | null = null;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (_name, stream, info) => {
      if (result) {
        stream.resume();
        return;
      }
      result = handle({ ...fields }, { name: info.filename ?? '', content: stream });
      result.catch(() => stream.resume()); // keep reading so the request ends
    });
    bb.on('close', () => {
      if (!result) reject(new AppError('invalid', 'documents.errors.no_file', { field: 'file' }));
      else result.then(resolve, reject);
    });
    bb.on('error', () => {
      if (result) result.then(resolve, reject);
      else reject(new AppError('invalid', 'documents.errors.bad_upload'));
    });
    Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>).pipe(bb);
  });
}
