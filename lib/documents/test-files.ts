// Test content for documents: minimal files of each allowed type and large streams made on the fly.
import { createHash } from 'node:crypto';

export const PDF_HEAD = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
export const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
/** The start of a ZIP whose first entry is an XLSX part. */
export const XLSX_HEAD = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]),
  Buffer.alloc(16),
  Buffer.from('[Content_Types].xml....xl/workbook.xml'),
]);

export const smallFile = (head: Buffer, body = 'hello') => Buffer.concat([head, Buffer.from(body)]);

/** `size` bytes starting with `head`, produced in 64 KB pieces (never held whole), and its SHA-256. */
export function bigFile(head: Buffer, size: number, piece = 64 * 1024): { stream: () => AsyncGenerator<Uint8Array>; sha256: string } {
  const make = function* () {
    let sent = 0;
    let n = 0;
    while (sent < size) {
      const len = Math.min(piece, size - sent);
      const b = Buffer.alloc(len, n++ % 251);
      if (sent === 0) head.copy(b, 0, 0, Math.min(head.length, len));
      sent += len;
      yield b;
    }
  };
  const hash = createHash('sha256');
  for (const b of make()) hash.update(b);
  return {
    sha256: hash.digest('hex'),
    stream: async function* () {
      yield* make();
    },
  };
}

export async function* once(b: Uint8Array) {
  yield b;
}

export async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of source) parts.push(Buffer.from(p));
  return Buffer.concat(parts);
}

export async function sha256Of(source: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const p of source) {
    hash.update(p);
    size += p.length;
  }
  return { sha256: hash.digest('hex'), size };
}
