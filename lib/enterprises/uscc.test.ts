import { describe, expect, it } from 'vitest';
import { checkUscc, normaliseUscc, usccCheckChar, withUsccCheckChar } from './uscc';

describe('USCC check character (GB 32100-2015)', () => {
  it('accepts codes whose check character is right', () => {
    // The first is the standard's own worked example; the second is built by the same rule.
    for (const code of ['91350100M000100Y43', withUsccCheckChar('91440605MA51XYW0K')]) {
      expect(checkUscc(code)).toMatchObject({ ok: true, code });
    }
  });

  it('refuses a code with one character changed and names the expected check character', () => {
    const r = checkUscc('91350100M000100Y44');
    expect(r).toEqual({ ok: false, code: '91350100M000100Y44', error: 'check', expected: '3', districtCode: '350100' });
  });

  it('catches a swap of two adjacent characters', () => {
    expect(checkUscc('91351000M000100Y43').ok).toBe(false);
  });

  it('refuses wrong length and letters outside the 31-character set', () => {
    expect(checkUscc('91350100M000100Y4')).toMatchObject({ ok: false, error: 'length' });
    expect(checkUscc('91350100M0001O0Y43')).toMatchObject({ ok: false, error: 'charset' }); // letter O
    expect(checkUscc('91350100I000100Y43')).toMatchObject({ ok: false, error: 'charset' }); // letter I
  });

  it('normalises case and spaces and reads the district code', () => {
    expect(normaliseUscc(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
    // Typed full width with a Chinese IME, with an ideographic space and a full-width dash.
    expect(normaliseUscc('９１３５\u3000０１００ｍ０００－１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(checkUscc('91440605' + '0000000000').ok).toBe(false);
    const code = withUsccCheckChar('91440605MA4UABCD1');
    expect(checkUscc(code)).toEqual({ ok: true, code, districtCode: '440605' });
  });

  it('computes 0 as the check character when the sum is a multiple of 31', () => {
    // Every check character of the set is reachable; 0 corresponds to sum ≡ 0 (mod 31).
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });
});
