// Money is integer fen (1 元 = 100 fen, 1 万元 = 1,000,000 fen); rates are basis points.
// Nothing here touches floating point.
export const FEN_PER_WAN = 1_000_000n;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Divides rounding half away from zero. */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** 12_345_678_900n fen → "12,345.68" (万元, two decimals). */
export function formatWan(fen: bigint, decimals = 2): string {
  const scale = 10n ** BigInt(decimals);
  const units = divRound(fen * scale, FEN_PER_WAN);
  const neg = units < 0n;
  const abs = neg ? -units : units;
  const whole = abs / scale;
  const frac = (abs % scale).toString().padStart(decimals, '0');
  return `${neg ? '-' : ''}${groupThousands(whole.toString())}${decimals > 0 ? `.${frac}` : ''}`;
}

/**
 * 万元 with two decimals, or with as many more as the amount has (to the fen): 1_144_260_00n fen →
 * "114.426". For a limit a user types against (the outstanding principal), where "114.43" would be a
 * figure the check then refuses.
 */
export function formatWanExact(fen: bigint): string {
  for (let decimals = 2; decimals < 6; decimals++) {
    const scale = 10n ** BigInt(6 - decimals);
    if (fen % scale === 0n) return formatWan(fen, decimals);
  }
  return formatWan(fen, 6);
}

/** 123_456n fen → "1,234.56" (元). */
export function formatYuan(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${groupThousands((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * Full-width digits, point, comma, minus and percent sign (a Chinese IME's ５００．５) as ASCII;
 * anything else unchanged. Number fields read their input through this.
 */
export function halfWidthNumber(input: string): string {
  return input.replace(/[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * "500" or "123.45" 万元 → fen. Null unless a non-negative decimal (thousands commas allowed) with
 * at most `maxDecimals` decimals (6, the default, is exact to the fen). Full-width digits read as ASCII.
 */
export function parseWan(input: string, maxDecimals = 6): bigint | null {
  const ascii = halfWidthNumber(input);
  // Commas only as thousands separators ("1,234.5"), never "5,," or "1,2".
  if (ascii.includes(',') && !/^\s*\d{1,3}(?:,\d{3})+(?:\.\d*)?\s*$/.test(ascii)) return null;
  const m = /^\s*(\d{1,12})(?:\.(\d{1,6}))?\s*$/.exec(ascii.replace(/,/g, ''));
  if (!m || (m[2] ?? '').length > maxDecimals) return null;
  return BigInt(m[1]) * FEN_PER_WAN + BigInt((m[2] ?? '').padEnd(6, '0'));
}

/** 345 → "3.45%". */
export function formatRateBp(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(bp));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** "3.45" (%) → 345 bp. Null when not a percentage with at most two decimals. */
export function parseRatePercent(input: string): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(halfWidthNumber(input));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 5_000_000_000n fen → "5000" (万元, for an input field: no separators, no trailing zeros). */
export function fenToWanInput(fen: bigint): string {
  const whole = fen / FEN_PER_WAN;
  const frac = (fen % FEN_PER_WAN).toString().padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole.toString();
}

/** 345 → "3.45" (percent, for an input field). */
export function bpToPercentInput(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}
