import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../i18n/translate';
import { documentLabel, formatBytes } from './format';
import { cleanFileName } from './vault';

const zh = makeTranslate('zh');
const en = makeTranslate('en');

describe('documentLabel', () => {
  it('names a document by its kind and what tells it from others of the kind: year, IP asset, or its own name', () => {
    expect(documentLabel(zh, { kind: 'financial_statement', year: 2025 })).toBe('2025 财务报表');
    expect(documentLabel(zh, { kind: 'patent_certificate', year: null, ipNumber: 'ZL202110123456.7' })).toBe('专利证书 ZL202110123456.7');
    expect(documentLabel(zh, { kind: 'other', year: null, title: '设备采购合同' })).toBe('其他材料 · 设备采购合同');
    expect(documentLabel(en, { kind: 'other', year: null, title: 'Lease' })).toBe('Other · Lease');
    // An 其他材料 uploaded before documents had names.
    expect(documentLabel(zh, { kind: 'other', year: null, title: null })).toBe('其他材料');
    expect(documentLabel(zh, { kind: 'business_license', year: null })).toBe('营业执照');
  });

  it('sizes in B, KB and MB', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '3.0 MB']);
  });
});

describe('cleanFileName', () => {
  it('keeps a name without its path, control and invisible characters, ending in what the content is', () => {
    expect(cleanFileName('C:\\scans\\营业执照.pdf', 'pdf')).toBe('营业执照.pdf');
    expect(cleanFileName('a\u202Efdp.exe', 'pdf')).toBe('afdp.exe.pdf');
    expect(cleanFileName('合同\u200B.pdf', 'pdf')).toBe('合同.pdf');
    expect(cleanFileName('scan.JPEG', 'jpeg')).toBe('scan.JPEG');
    expect(cleanFileName('\u0000', 'png')).toBe('document.png');
  });
});
