// What may be uploaded: PDF, JPEG, PNG and XLSX up to 20 MB, recognised by their first bytes (never
// by the file's name or the browser's claimed type). Pure.
import { AppError } from '../core/errors';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const DOCUMENT_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const contains = (head: Uint8Array, text: string) => Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes(text, 0, 'latin1');

/**
 * The type of a file from its first bytes (the first chunk, up to 256 KB), or null when it is none
 * of the allowed ones. An XLSX is a ZIP (PK\x03\x04) whose first entries name the spreadsheet parts
 * ([Content_Types].xml, xl/…), which a plain ZIP or a DOCX does not.
 */
export function sniffType(head: Uint8Array): DocumentType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && contains(head, 'xl/') && !contains(head, 'word/')) return 'xlsx';
  return null;
}

/**
 * Passes the chunks through, refusing the file when its first chunk is not an allowed type or its
 * size passes the limit. The store then deletes what it had written: nothing is kept.
 */
export async function* checkedContent(
  chunks: AsyncIterable<Uint8Array>,
  onType: (t: DocumentType) => void,
  maxBytes = MAX_DOCUMENT_BYTES,
): AsyncGenerator<Uint8Array> {
  let size = 0;
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      const type = sniffType(chunk);
      if (!type) throw new AppError('invalid', 'documents.errors.type', { field: 'file' });
      onType(type);
      first = false;
    }
    size += chunk.length;
    if (size > maxBytes) throw new AppError('invalid', 'documents.errors.too_large', { field: 'file' });
    yield chunk;
  }
  if (first) throw new AppError('invalid', 'documents.errors.empty', { field: 'file' });
}
