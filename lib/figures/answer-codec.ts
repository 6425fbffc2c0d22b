// A computed figure as text and back, for the answers every instance shares (figure_answers,
// lib/figures/cache.ts). Figures hold amounts as bigint (fen) and sometimes dates, which JSON
// alone would fail on or turn into strings: both are tagged, so what comes back equals what went in.

const BIGINT = '$bigint';
const DATE = '$date';

/** `value` as JSON, bigints and dates tagged. */
export function encodeAnswer(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key]; // before Date's toJSON
    if (typeof v === 'bigint') return { [BIGINT]: v.toString() };
    if (raw instanceof Date) return { [DATE]: raw.toISOString() };
    return v;
  });
}

/** What encodeAnswer was given. */
export function decodeAnswer(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === BIGINT) return BigInt((v as Record<string, string>)[BIGINT]);
      if (keys.length === 1 && keys[0] === DATE) return new Date((v as Record<string, string>)[DATE]);
    }
    return v;
  });
}
