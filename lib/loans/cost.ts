// Loan repayment schedules and offer cost comparison.
//
// Money is bigint fen (1 元 = 100 fen); rates are integer basis points a year (345 = 3.45 %/yr).
// No floating point touches an amount: every division is bigint and is rounded explicitly, half up
// to the fen (all quantities here are non-negative, so half up = half away from zero), once per
// period. The monthly rate is annual / 12, so one month's interest on R fen at b bp is
// round(R × b / 120000) (120000 = 12 months × 10000 bp).

/** 等额本息, 等额本金, 先息后本, 到期还本. */
export type RepaymentMethod = 'equal_installment' | 'equal_principal' | 'interest_first' | 'bullet';

export const REPAYMENT_METHODS: readonly RepaymentMethod[] = ['equal_installment', 'equal_principal', 'interest_first', 'bullet'];

export interface SchedulePeriod {
  /** 1-based month number. */
  period: number;
  /** principalFen + interestFen. */
  paymentFen: bigint;
  principalFen: bigint;
  interestFen: bigint;
  /** Principal still owed after this period's payment. */
  remainingFen: bigint;
}

export interface RepaymentSchedule {
  periods: SchedulePeriod[];
  totalInterestFen: bigint;
  totalPaymentFen: bigint;
}

export interface ScheduleInput {
  principalFen: bigint;
  annualRateBp: number;
  termMonths: number;
  method: RepaymentMethod;
}

export const MAX_TERM_MONTHS = 360;
export const MAX_ANNUAL_RATE_BP = 3600;

/** Basis points per year × months per year: monthly interest = amount × bp / BP_MONTHS. */
const BP_MONTHS = 120_000n;

/** n / d rounded half up; requires n >= 0 and d > 0. */
function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** Simple interest on `amountFen` at `bp` a year for `months`, rounded half up to the fen. */
function simpleInterestFen(amountFen: bigint, bp: number, months: number): bigint {
  return roundHalfUp(amountFen * BigInt(bp) * BigInt(months), BP_MONTHS);
}

function validateSchedule({ principalFen, annualRateBp, termMonths, method }: ScheduleInput): void {
  if (typeof principalFen !== 'bigint' || principalFen <= 0n) {
    throw new RangeError(`principalFen must be a positive bigint, got ${String(principalFen)}`);
  }
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
    throw new RangeError(`termMonths must be an integer 1..${MAX_TERM_MONTHS}, got ${termMonths}`);
  }
  if (!Number.isInteger(annualRateBp) || annualRateBp < 0 || annualRateBp > MAX_ANNUAL_RATE_BP) {
    throw new RangeError(`annualRateBp must be an integer 0..${MAX_ANNUAL_RATE_BP}, got ${annualRateBp}`);
  }
  if (!REPAYMENT_METHODS.includes(method)) {
    throw new RangeError(`unknown repayment method ${String(method)}`);
  }
}

/**
 * The 等额本息 level monthly payment, exact then rounded half up to the fen.
 *
 * With r = b / D (D = 120000) the annuity payment P·r·(1+r)^n / ((1+r)^n − 1) equals
 *   P · b · (D+b)^n / (D · ((D+b)^n − D^n))
 * which is a ratio of bigints, so it is computed exactly and rounded once.
 * At zero rate it is P / n rounded down (the remainder goes to the last period).
 */
export function equalInstallmentPaymentFen(principalFen: bigint, annualRateBp: number, termMonths: number): bigint {
  validateSchedule({ principalFen, annualRateBp, termMonths, method: 'equal_installment' });
  const n = BigInt(termMonths);
  if (annualRateBp === 0) return principalFen / n;
  const b = BigInt(annualRateBp);
  const grown = (BP_MONTHS + b) ** n;
  const base = BP_MONTHS ** n;
  return roundHalfUp(principalFen * b * grown, BP_MONTHS * (grown - base));
}

/**
 * The month-by-month schedule for a loan. Every period's interest is
 * round_half_up(remaining × annualRateBp / 120000) fen, except 到期还本 (bullet), which pays simple
 * interest for the whole term in one sum at maturity. The principal parts always sum to exactly the
 * principal and the last period leaves remainingFen = 0n.
 *
 * - equal_installment (等额本息): a level payment (see equalInstallmentPaymentFen); principal part =
 *   payment − interest. The last period absorbs the rounding residue: it pays remaining + its
 *   interest, so it can differ from the level payment by a few fen (the drift grows with rate and
 *   term: at most ((1+r)^n − 1)/r + 1 fen, e.g. ≤ 13 fen within a year at up to 10 %, ~2 元 over 30 years at
 *   3.45 %). Where that drift rivals the payment itself (tiny principals, or e.g. 1,000 元 at 10 %
 *   over 30 years) the rounded payment could repay the loan early: the period that would overshoot
 *   pays only remaining + interest and later periods are zero, so the balance never goes negative.
 * - equal_principal (等额本金): principal part = floor(principal / n), the remainder fen added to the
 *   last period; interest on the declining balance.
 * - interest_first (先息后本): interest every month, all principal in the last period.
 * - bullet (到期还本, 到期一次性还本付息): nothing until maturity; the last period pays principal +
 *   round_half_up(principal × annualRateBp × termMonths / 120000).
 *
 * Throws RangeError unless principal > 0, termMonths is an integer 1..360 and annualRateBp an integer
 * 0..3600.
 */
export function repaymentSchedule(input: ScheduleInput): RepaymentSchedule {
  validateSchedule(input);
  const { principalFen, annualRateBp, termMonths, method } = input;
  const n = termMonths;
  const b = BigInt(annualRateBp);
  const monthlyInterest = (remaining: bigint): bigint => roundHalfUp(remaining * b, BP_MONTHS);

  const periods: SchedulePeriod[] = [];
  let remaining = principalFen;
  const push = (period: number, principalPart: bigint, interest: bigint): void => {
    remaining -= principalPart;
    periods.push({
      period,
      paymentFen: principalPart + interest,
      principalFen: principalPart,
      interestFen: interest,
      remainingFen: remaining,
    });
  };

  switch (method) {
    case 'equal_installment': {
      const level = equalInstallmentPaymentFen(principalFen, annualRateBp, n);
      for (let k = 1; k <= n; k++) {
        const interest = monthlyInterest(remaining);
        // level >= interest always (the annuity payment exceeds one month's interest on the
        // original principal and rounding is monotone), so the principal part is never negative.
        const principalPart = k === n ? remaining : bigMin(level - interest, remaining);
        push(k, principalPart, interest);
      }
      break;
    }
    case 'equal_principal': {
      const part = principalFen / BigInt(n);
      for (let k = 1; k <= n; k++) {
        const interest = monthlyInterest(remaining);
        push(k, k === n ? remaining : part, interest);
      }
      break;
    }
    case 'interest_first': {
      for (let k = 1; k <= n; k++) {
        const interest = monthlyInterest(remaining);
        push(k, k === n ? remaining : 0n, interest);
      }
      break;
    }
    case 'bullet': {
      for (let k = 1; k < n; k++) push(k, 0n, 0n);
      push(n, principalFen, simpleInterestFen(principalFen, annualRateBp, n));
      break;
    }
  }

  let totalInterestFen = 0n;
  let totalPaymentFen = 0n;
  for (const p of periods) {
    totalInterestFen += p.interestFen;
    totalPaymentFen += p.paymentFen;
  }
  return { periods, totalInterestFen, totalPaymentFen };
}

function bigMin(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * Annualised cost in bp a year (DESIGN.md: offers compare on rate + fees − subsidy), floored at 0.
 * All three are annual bp; rate, fee and subsidy must be non-negative integers.
 */
export function annualisedCostBp({ rateBp, feeBp = 0, subsidyBp = 0 }: { rateBp: number; feeBp?: number; subsidyBp?: number }): number {
  requireInteger('rateBp', rateBp, 0);
  requireInteger('feeBp', feeBp, 0);
  requireInteger('subsidyBp', subsidyBp, 0);
  return Math.max(0, rateBp + feeBp - subsidyBp);
}

/**
 * The annual rate a product actually charges, in bp. 'fixed': rateBp itself. 'lpr_spread': the
 * 1-year LPR plus rateBp as the spread (which may be negative, e.g. LPR − 20 bp). Throws if the
 * product prices off LPR and no LPR is known, or the result is negative.
 */
export function effectiveRateBp({ rateType, rateBp, lprOneYearBp }: { rateType: 'fixed' | 'lpr_spread'; rateBp: number; lprOneYearBp: number | null }): number {
  if (rateType === 'fixed') {
    requireInteger('rateBp', rateBp, 0);
    return rateBp;
  }
  if (rateType !== 'lpr_spread') throw new RangeError(`unknown rate type ${String(rateType)}`);
  if (lprOneYearBp === null || lprOneYearBp === undefined) {
    throw new Error('an LPR + spread rate needs the current 1-year LPR');
  }
  requireInteger('lprOneYearBp', lprOneYearBp, 0);
  if (!Number.isSafeInteger(rateBp)) throw new RangeError(`spread must be an integer, got ${rateBp}`);
  const rate = lprOneYearBp + rateBp;
  if (rate < 0) throw new RangeError(`LPR ${lprOneYearBp} + spread ${rateBp} is negative`);
  return rate;
}

/**
 * The annual rates a product may be approved at, in bp: its own range for a fixed-rate product, the
 * 1-year LPR plus its minimum and maximum spreads for a spread-priced one. Null when a spread-priced
 * product has no LPR to price against. The approval checks it (lib/applications/service.ts) and
 * the officer's workbench shows it (lib/applications/workbench.ts).
 */
export function rateRangeBp(
  product: { rateType: 'fixed' | 'lpr_spread'; rateMinBp: number; rateMaxBp: number },
  lprOneYearBp: number | null,
): { minBp: number; maxBp: number } | null {
  if (product.rateType === 'lpr_spread' && lprOneYearBp === null) return null;
  const at = (rateBp: number) => effectiveRateBp({ rateType: product.rateType, rateBp, lprOneYearBp });
  return { minBp: at(product.rateMinBp), maxBp: at(product.rateMaxBp) };
}

export interface OfferCost {
  annualisedCostBp: number;
  totalInterestFen: bigint;
  feesFen: bigint;
  subsidyFen: bigint;
  totalCostFen: bigint;
}

/**
 * What an offer costs over its term. Interest comes from repaymentSchedule; fees and subsidy are
 * annual bp on the principal for the whole term, each round_half_up(principal × bp × termMonths /
 * 120000); totalCost = interest + fees − subsidy, floored at 0n.
 */
export function offerCost({
  principalFen,
  termMonths,
  method,
  rateBp,
  feeBp = 0,
  subsidyBp = 0,
}: {
  principalFen: bigint;
  termMonths: number;
  method: RepaymentMethod;
  rateBp: number;
  feeBp?: number;
  subsidyBp?: number;
}): OfferCost {
  const annualised = annualisedCostBp({ rateBp, feeBp, subsidyBp });
  const { totalInterestFen } = repaymentSchedule({ principalFen, annualRateBp: rateBp, termMonths, method });
  const feesFen = simpleInterestFen(principalFen, feeBp, termMonths);
  const subsidyFen = simpleInterestFen(principalFen, subsidyBp, termMonths);
  const net = totalInterestFen + feesFen - subsidyFen;
  return {
    annualisedCostBp: annualised,
    totalInterestFen,
    feesFen,
    subsidyFen,
    totalCostFen: net > 0n ? net : 0n,
  };
}
