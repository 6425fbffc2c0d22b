import { describe, expect, it } from 'vitest';
import { checkPatentNumber, patentCheckChar, withPatentCheckChar } from './patent-number';

describe('patent application number check digit', () => {
  it('accepts the DESIGN.md example with and without the ZL prefix', () => {
    expect(checkPatentNumber('ZL202110123456.7')).toEqual({ ok: true, normalised: 'ZL202110123456.7', year: 2021, type: '1' });
    expect(checkPatentNumber('202110123456.7')).toMatchObject({ ok: true, normalised: 'ZL202110123456.7' });
    expect(checkPatentNumber('zl 2021 1012 3456.7')).toMatchObject({ ok: true });
  });

  it('refuses a corrupted check digit and says which one is right', () => {
    expect(checkPatentNumber('ZL202110123456.8')).toEqual({ ok: false, error: 'check', expected: '7' });
  });

  it('refuses a corrupted serial digit', () => {
    expect(checkPatentNumber('ZL202110123457.7')).toMatchObject({ ok: false, error: 'check' });
  });

  it('writes a remainder of 10 as X', () => {
    // 2 0 2 2 1 0 0 0 0 0 0 x: find a serial whose weighted sum ≡ 10 (mod 11).
    let digits = '';
    for (let n = 0; n < 11; n++) {
      const candidate = `20221000000${n % 10}`;
      if (patentCheckChar(candidate) === 'X') digits = candidate;
    }
    expect(digits).not.toBe('');
    expect(checkPatentNumber(`${digits}.X`)).toMatchObject({ ok: true });
    expect(checkPatentNumber(`${digits}.0`)).toEqual({ ok: false, error: 'check', expected: 'X' });
  });

  it('refuses malformed numbers', () => {
    for (const bad of ['', 'ZL20211012345.7', 'ZL2021101234567.7', 'ZL202110123456', 'ZL202110123456-7', 'AB202110123456.7']) {
      expect(checkPatentNumber(bad)).toEqual({ ok: false, error: 'format' });
    }
  });

  it('builds valid numbers', () => {
    expect(checkPatentNumber(withPatentCheckChar('202420654321')).ok).toBe(true);
  });
});
