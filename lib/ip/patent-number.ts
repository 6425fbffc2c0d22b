// Chinese patent application number (专利申请号) since 2003: year(4) + type(1) + serial(7), then '.'
// and a check character: Σ digit × (2,3,4,5,6,7,8,9,2,3,4,5) mod 11, where 10 is written X.
// Granted patents are often written with a ZL prefix (ZL202110123456.7).
const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

export type PatentNumberResult =
  | { ok: true; normalised: string; year: number; type: string }
  | { ok: false; error: 'format' }
  | { ok: false; error: 'check'; expected: string };

export function patentCheckChar(digits12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits12[i]) * WEIGHTS[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function checkPatentNumber(input: string): PatentNumberResult {
  const m = /^(?:ZL)?(\d{12})\.([0-9X])$/.exec(input.replace(/\s/g, '').toUpperCase());
  if (!m) return { ok: false, error: 'format' };
  const [, digits, check] = m;
  const expected = patentCheckChar(digits);
  if (check !== expected) return { ok: false, error: 'check', expected };
  return { ok: true, normalised: `ZL${digits}.${check}`, year: Number(digits.slice(0, 4)), type: digits[4] };
}

export function withPatentCheckChar(digits12: string): string {
  return `ZL${digits12}.${patentCheckChar(digits12)}`;
}
