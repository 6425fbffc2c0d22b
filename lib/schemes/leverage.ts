// The leverage cap of a risk-sharing scheme (放大倍数): the loans it covers may total at most the cap
// times its fund. Here the covered total is 在保余额 — the outstanding principal of the enrolled loans
// still in force — and the fund is the balance now. Integer fen throughout; the cap is NUMERIC(6,2).

export interface LeverageUse {
  /** cap × balance, in fen (rounded down). */
  limitFen: bigint;
  /** 在保余额 ÷ the limit, as a percentage with one decimal ('—' when the limit is 0). */
  percent: string;
  /** The covered total is above the limit. */
  over: boolean;
}

/** Hundredths of a NUMERIC(6,2) text such as '10.00' or '8.5'; null when absent or not a number. */
function hundredths(cap: string | null): bigint | null {
  const m = cap?.trim().match(/^(\d{1,4})(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** How much of the scheme's leverage its loans in force use; null for a scheme without a cap. */
export function leverageUse(cap: string | null, balanceFen: bigint, inForceFen: bigint): LeverageUse | null {
  const h = hundredths(cap);
  if (h === null) return null;
  const limitFen = (balanceFen * h) / 100n;
  if (limitFen <= 0n) return { limitFen: 0n, percent: '—', over: inForceFen > 0n };
  // Tenths of a percent, rounded half up.
  const tenths = (inForceFen * 2000n + limitFen) / (2n * limitFen);
  return { limitFen, percent: `${tenths / 10n}.${tenths % 10n}`, over: inForceFen > limitFen };
}
