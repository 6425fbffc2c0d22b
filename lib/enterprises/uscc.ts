// 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: 18 characters from the 31-character
// set below (no I, O, S, V, Z); the 18th is a check character over the first 17.
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]; // 3^(i−1) mod 31

export type UsccResult =
  | { ok: true; code: string; districtCode: string }
  | { ok: false; code: string; error: 'length' | 'charset' }
  | { ok: false; code: string; error: 'check'; expected: string; districtCode: string };

/**
 * Upper-cases and strips spaces and dashes, so a code typed as printed in groups still reads; full-width
 * digits and letters typed with a Chinese IME (９１４４…) read as ASCII (NFKC).
 */
export function normaliseUscc(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export function checkUscc(input: string): UsccResult {
  const code = normaliseUscc(input);
  if (code.length !== 18) return { ok: false, code, error: 'length' };
  for (const ch of code) if (!USCC_CHARS.includes(ch)) return { ok: false, code, error: 'charset' };
  const districtCode = code.slice(2, 8);
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { ok: false, code, error: 'check', expected, districtCode };
  return { ok: true, code, districtCode };
}

/** Builds a valid code from its first 17 characters (demo data and tests). */
export function withUsccCheckChar(first17: string): string {
  return first17 + usccCheckChar(first17);
}
