import { describe, expect, it } from 'vitest';
import { checkedContent, sniffType } from './content-check';
import { JPEG_HEAD, PDF_HEAD, PNG_HEAD, XLSX_HEAD, collect, once, smallFile } from './test-files';

describe('sniffType: the type from the first bytes, not the name', () => {
  it('recognises the four allowed types', () => {
    expect(sniffType(smallFile(PDF_HEAD))).toBe('pdf');
    expect(sniffType(smallFile(PNG_HEAD))).toBe('png');
    expect(sniffType(smallFile(JPEG_HEAD))).toBe('jpeg');
    expect(sniffType(smallFile(XLSX_HEAD))).toBe('xlsx');
  });
  it('refuses anything else: text, an executable, a plain ZIP, a DOCX, a GIF', () => {
    expect(sniffType(Buffer.from('just text, named report.pdf'))).toBeNull();
    expect(sniffType(Buffer.from([0x4d, 0x5a, 0x90, 0]))).toBeNull();
    expect(sniffType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('readme.txt')]))).toBeNull();
    expect(sniffType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml')]))).toBeNull();
    expect(sniffType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffType(new Uint8Array(0))).toBeNull();
  });
});

describe('checkedContent', () => {
  it('passes an allowed file through and reports its type', async () => {
    let type: string | null = null;
    const out = await collect(checkedContent(once(smallFile(PNG_HEAD)), (t) => (type = t)));
    expect(out.equals(smallFile(PNG_HEAD))).toBe(true);
    expect(type).toBe('png');
  });
  it('refuses a wrong type, an empty file, and a file over the limit', async () => {
    await expect(collect(checkedContent(once(Buffer.from('MZ')), () => {}))).rejects.toMatchObject({ messageKey: 'documents.errors.type' });
    await expect(collect(checkedContent((async function* () {})(), () => {}))).rejects.toMatchObject({ messageKey: 'documents.errors.empty' });
    const two = async function* () {
      yield smallFile(PDF_HEAD, 'x'.repeat(50));
      yield Buffer.alloc(60);
    };
    await expect(collect(checkedContent(two(), () => {}, 100))).rejects.toMatchObject({ messageKey: 'documents.errors.too_large' });
    expect((await collect(checkedContent(two(), () => {}, 200))).length).toBe(PDF_HEAD.length + 50 + 60);
  });
});
