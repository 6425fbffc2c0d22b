import { describe, expect, it } from 'vitest';
import { annualisedCostBp, effectiveRateBp, equalInstallmentPaymentFen, offerCost, rateRangeBp, repaymentSchedule, type RepaymentMethod } from './cost';

// Figures below were worked independently with Python's fractions.Fraction (exact rationals,
// round half up = floor(x + 1/2)), not copied from this module's output.
//
// 100万元 = 100_000_000 fen at 3.45 %/yr: monthly rate r = 0.0345 / 12 = 345 / 120000 = 0.002875,
// so one month's interest on the full principal is 100_000_000 × 345 / 120000 = 287_500 fen
// exactly (2,875.00 元).

const WAN_100 = 100_000_000n; // 100万元
const METHODS: RepaymentMethod[] = ['equal_installment', 'equal_principal', 'interest_first', 'bullet'];

const sum = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

describe('repaymentSchedule: 100万元 at 3.45 % for 12 months', () => {
  it('等额本息 equal_installment', () => {
    // Exact annuity A = P·r(1+r)^12/((1+r)^12 − 1) = 8,489,882.1284… fen → 8,489,882 fen.
    // Month 1: interest 287,500; principal 8,489,882 − 287,500 = 8,202,382; remaining 91,797,618.
    // Month 2: interest round(91,797,618 × 0.002875) = round(263,918.15…) = 263,918.
    // Month 12: remaining 8,465,545, interest round(24,338.44…) = 24,338, pays 8,489,883 (1 fen over).
    // Total interest 1,878,585 fen (18,785.85 元).
    expect(equalInstallmentPaymentFen(WAN_100, 345, 12)).toBe(8_489_882n);
    const s = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 345, termMonths: 12, method: 'equal_installment' });
    expect(s.periods).toHaveLength(12);
    expect(s.periods[0]).toEqual({
      period: 1,
      paymentFen: 8_489_882n,
      principalFen: 8_202_382n,
      interestFen: 287_500n,
      remainingFen: 91_797_618n,
    });
    expect(s.periods[1]).toMatchObject({ interestFen: 263_918n, principalFen: 8_225_964n, remainingFen: 83_571_654n });
    expect(s.periods[10]).toMatchObject({ paymentFen: 8_489_882n, remainingFen: 8_465_545n });
    expect(s.periods[11]).toEqual({
      period: 12,
      paymentFen: 8_489_883n,
      principalFen: 8_465_545n,
      interestFen: 24_338n,
      remainingFen: 0n,
    });
    expect(s.totalInterestFen).toBe(1_878_585n);
    expect(s.totalPaymentFen).toBe(101_878_585n);
  });

  it('等额本金 equal_principal', () => {
    // Principal part 100,000,000 / 12 = 8,333,333 r 4, so months 1–11 repay 8,333,333 and month 12
    // repays 8,333,337. Month 1: 8,333,333 + 287,500 = 8,620,833.
    // Month 12: remaining 8,333,337, interest round(23,958.34…) = 23,958, pays 8,357,295.
    // Total interest: exact would be 287,500 × (12+1)/2 = 1,868,750; the per-month roundings
    // happen to cancel, so it is 1,868,750 fen.
    const s = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 345, termMonths: 12, method: 'equal_principal' });
    expect(s.periods[0]).toEqual({
      period: 1,
      paymentFen: 8_620_833n,
      principalFen: 8_333_333n,
      interestFen: 287_500n,
      remainingFen: 91_666_667n,
    });
    // Month 2: round(91,666,667 × 0.002875) = round(263,541.667…) = 263,542.
    expect(s.periods[1]).toMatchObject({ interestFen: 263_542n, paymentFen: 8_596_875n });
    expect(s.periods[11]).toEqual({
      period: 12,
      paymentFen: 8_357_295n,
      principalFen: 8_333_337n,
      interestFen: 23_958n,
      remainingFen: 0n,
    });
    expect(s.totalInterestFen).toBe(1_868_750n);
    expect(s.totalPaymentFen).toBe(101_868_750n);
  });

  it('先息后本 interest_first', () => {
    // 287,500 interest every month; month 12 also repays 100,000,000. Total 12 × 287,500 = 3,450,000.
    const s = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 345, termMonths: 12, method: 'interest_first' });
    expect(s.periods[0]).toEqual({
      period: 1,
      paymentFen: 287_500n,
      principalFen: 0n,
      interestFen: 287_500n,
      remainingFen: WAN_100,
    });
    expect(s.periods[11]).toEqual({
      period: 12,
      paymentFen: 100_287_500n,
      principalFen: WAN_100,
      interestFen: 287_500n,
      remainingFen: 0n,
    });
    expect(s.totalInterestFen).toBe(3_450_000n);
    expect(s.totalPaymentFen).toBe(103_450_000n);
  });

  it('到期还本 bullet', () => {
    // Nothing for 11 months; month 12 pays 100,000,000 + 100,000,000 × 345 × 12 / 120000
    // = 100,000,000 + 3,450,000 = 103,450,000.
    const s = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 345, termMonths: 12, method: 'bullet' });
    expect(s.periods[0]).toEqual({ period: 1, paymentFen: 0n, principalFen: 0n, interestFen: 0n, remainingFen: WAN_100 });
    expect(s.periods[11]).toEqual({
      period: 12,
      paymentFen: 103_450_000n,
      principalFen: WAN_100,
      interestFen: 3_450_000n,
      remainingFen: 0n,
    });
    expect(s.totalInterestFen).toBe(3_450_000n);
    expect(s.totalPaymentFen).toBe(103_450_000n);
  });

  it('orders the methods by total interest as expected: 等额本金 < 等额本息 < 先息后本 = 到期还本', () => {
    const total = (method: RepaymentMethod) => repaymentSchedule({ principalFen: WAN_100, annualRateBp: 345, termMonths: 12, method }).totalInterestFen;
    expect(total('equal_principal')).toBeLessThan(total('equal_installment'));
    expect(total('equal_installment')).toBeLessThan(total('interest_first'));
    expect(total('interest_first')).toBe(total('bullet'));
  });
});

describe('repaymentSchedule: more worked figures', () => {
  it('等额本息 over 36 and 360 months', () => {
    // 36 months: A = 2,927,995.… → 2,927,995; month 36 pays 2,927,980; total interest 5,407,805.
    const s36 = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 345, termMonths: 36, method: 'equal_installment' });
    expect(s36.periods[0].paymentFen).toBe(2_927_995n);
    expect(s36.periods[0].principalFen).toBe(2_640_495n);
    expect(s36.periods[35]).toMatchObject({ paymentFen: 2_927_980n, interestFen: 8_394n, remainingFen: 0n });
    expect(s36.totalInterestFen).toBe(5_407_805n);
    // 30 years: A = 446,258 (4,462.58 元/月); the last month pays 446,453; total interest 60,653,075.
    const s360 = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 345, termMonths: 360, method: 'equal_installment' });
    expect(s360.periods[0]).toMatchObject({ paymentFen: 446_258n, principalFen: 158_758n, interestFen: 287_500n });
    expect(s360.periods[359]).toMatchObject({ paymentFen: 446_453n, interestFen: 1_280n, remainingFen: 0n });
    expect(s360.totalInterestFen).toBe(60_653_075n);
  });

  it('a one-month 等额本息 loan is principal plus one month of interest', () => {
    const s = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 345, termMonths: 1, method: 'equal_installment' });
    expect(s.periods).toEqual([{ period: 1, paymentFen: 100_287_500n, principalFen: WAN_100, interestFen: 287_500n, remainingFen: 0n }]);
    expect(equalInstallmentPaymentFen(WAN_100, 345, 1)).toBe(100_287_500n);
  });

  it('rounds each month separately: 先息后本 can differ from 到期还本 by a few fen', () => {
    // 500万元 at 1.00 %: one month = 500,000,000 × 100 / 120000 = 416,666.67 → 416,667, × 12 = 5,000,004,
    // while 到期还本 pays 500,000,000 × 100 × 12 / 120000 = 5,000,000 once.
    const p = 500_000_000n;
    expect(repaymentSchedule({ principalFen: p, annualRateBp: 100, termMonths: 12, method: 'interest_first' }).totalInterestFen).toBe(5_000_004n);
    expect(repaymentSchedule({ principalFen: p, annualRateBp: 100, termMonths: 12, method: 'bullet' }).totalInterestFen).toBe(5_000_000n);
  });

  it('rounds half up to the fen', () => {
    // 60,000 fen × 1 bp / 120000 = 0.5 fen → 1 fen.
    const s = repaymentSchedule({ principalFen: 60_000n, annualRateBp: 1, termMonths: 1, method: 'interest_first' });
    expect(s.periods[0].interestFen).toBe(1n);
    // 59,999 fen → 0.4999… fen → 0.
    expect(repaymentSchedule({ principalFen: 59_999n, annualRateBp: 1, termMonths: 1, method: 'interest_first' }).totalInterestFen).toBe(0n);
    // Bullet over 7 months: 123,456,789 × 37 × 7 / 120000 = 266,460.90… → 266,461.
    const b = repaymentSchedule({ principalFen: 123_456_789n, annualRateBp: 37, termMonths: 7, method: 'bullet' });
    expect(b.periods[6]).toMatchObject({ paymentFen: 123_723_250n, interestFen: 266_461n });
  });

  it('a tiny 等额本息 principal that the rounded payment would overpay stops at zero', () => {
    // 7 fen over 12 months: A = round(0.58…) = 1 fen, interest rounds to 0, so 7 months of 1 fen
    // repay it and months 8–12 are zero rather than driving the balance negative.
    const s = repaymentSchedule({ principalFen: 7n, annualRateBp: 345, termMonths: 12, method: 'equal_installment' });
    expect(s.periods.map((p) => p.paymentFen)).toEqual([1n, 1n, 1n, 1n, 1n, 1n, 1n, 0n, 0n, 0n, 0n, 0n]);
    expect(s.periods[6].remainingFen).toBe(0n);
    expect(s.totalPaymentFen).toBe(7n);
  });
});

describe('repaymentSchedule: zero rate', () => {
  it('splits the principal with the remainder fen in the last month and charges nothing', () => {
    for (const method of ['equal_installment', 'equal_principal'] as const) {
      const s = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 0, termMonths: 12, method });
      // 100,000,000 / 12 = 8,333,333 r 4.
      expect(s.periods.slice(0, 11).every((p) => p.paymentFen === 8_333_333n && p.interestFen === 0n)).toBe(true);
      expect(s.periods[11]).toEqual({ period: 12, paymentFen: 8_333_337n, principalFen: 8_333_337n, interestFen: 0n, remainingFen: 0n });
      expect(s.totalInterestFen).toBe(0n);
      expect(s.totalPaymentFen).toBe(WAN_100);
    }
    expect(equalInstallmentPaymentFen(WAN_100, 0, 12)).toBe(8_333_333n);
    for (const method of ['interest_first', 'bullet'] as const) {
      const s = repaymentSchedule({ principalFen: WAN_100, annualRateBp: 0, termMonths: 12, method });
      expect(s.periods.slice(0, 11).every((p) => p.paymentFen === 0n)).toBe(true);
      expect(s.periods[11].paymentFen).toBe(WAN_100);
      expect(s.totalInterestFen).toBe(0n);
    }
  });
});

describe('repaymentSchedule: invariants over many combinations', () => {
  const principals = [1n, 7n, 99n, 100_000n, 100_000_000n, 123_456_789n, 5_000_000_000n, 999_999_999_999n];
  const rates = [0, 1, 345, 435, 1000, 3600];
  const terms = [1, 2, 3, 6, 12, 13, 36, 60, 120, 360];

  it('principal parts sum to the principal, the balance ends at 0n and every row adds up', () => {
    for (const principalFen of principals)
      for (const annualRateBp of rates)
        for (const termMonths of terms)
          for (const method of METHODS) {
            const label = `${principalFen} ${annualRateBp}bp ${termMonths}m ${method}`;
            const s = repaymentSchedule({ principalFen, annualRateBp, termMonths, method });
            expect(s.periods.length, label).toBe(termMonths);
            expect(sum(s.periods.map((p) => p.principalFen)), label).toBe(principalFen);
            expect(s.periods[termMonths - 1].remainingFen, label).toBe(0n);
            expect(s.totalInterestFen, label).toBe(sum(s.periods.map((p) => p.interestFen)));
            expect(s.totalPaymentFen, label).toBe(sum(s.periods.map((p) => p.paymentFen)));
            expect(s.totalPaymentFen, label).toBe(principalFen + s.totalInterestFen);
            let before = principalFen;
            const badRows = s.periods.filter((p, i) => {
              const ok =
                p.period === i + 1 &&
                p.paymentFen === p.principalFen + p.interestFen &&
                p.principalFen >= 0n &&
                p.interestFen >= 0n &&
                p.remainingFen === before - p.principalFen &&
                p.remainingFen >= 0n;
              before = p.remainingFen;
              return !ok;
            });
            expect(badRows, label).toEqual([]);
          }
  });

  it('等额本息: the level payment is the exact annuity rounded to the nearest fen', () => {
    for (const principalFen of principals)
      for (const b of rates.filter((r) => r > 0))
        for (const n of terms) {
          // A·D·((D+b)^n − D^n) = P·b·(D+b)^n exactly; |A − exact| ≤ ½ ⇔ |2·(A·den − num)| ≤ den.
          const D = 120_000n;
          const grown = (D + BigInt(b)) ** BigInt(n);
          const den = D * (grown - D ** BigInt(n));
          const num = principalFen * BigInt(b) * grown;
          const a = equalInstallmentPaymentFen(principalFen, b, n);
          const diff = 2n * (a * den - num);
          expect((diff < 0n ? -diff : diff) <= den, `${principalFen} ${b} ${n}`).toBe(true);
        }
  });

  it('等额本息: all payments equal except the last, which is off by at most the rounding drift', () => {
    let skipped = 0;
    for (const principalFen of principals.filter((p) => p >= 100_000n))
      for (const b of rates.filter((r) => r > 0))
        for (const n of terms.filter((t) => t > 1)) {
          const label = `${principalFen} ${b} ${n}`;
          const s = repaymentSchedule({ principalFen, annualRateBp: b, termMonths: n, method: 'equal_installment' });
          const level = s.periods[0].paymentFen;
          // Each month's rounding (≤ ½ fen on interest, ≤ ½ on the payment) compounds at (1+r), so the
          // residue is at most Σ (1+r)^k = ceil(((1+r)^n − 1)/r) fen, plus 1 for the last month's rounding.
          const D = 120_000n;
          const B = BigInt(b);
          const drift = ((D + B) ** BigInt(n) - D ** BigInt(n) + B * D ** BigInt(n - 1) - 1n) / (B * D ** BigInt(n - 1));
          // Only when that drift is small beside the payment is a level schedule guaranteed; e.g. 1,000 元
          // at 10 % over 30 years (payment 878 fen, drift up to ~2,300 fen) may repay early instead.
          if (drift + 1n >= level) {
            skipped++;
            continue;
          }
          expect(
            s.periods.slice(0, -1).every((p) => p.paymentFen === level),
            label,
          ).toBe(true);
          const last = s.periods[n - 1].paymentFen;
          const off = last > level ? last - level : level - last;
          expect(off <= drift + 1n, label).toBe(true);
          // Within a year at ordinary rates that is a few fen.
          if (n <= 12 && b <= 1000) expect(off <= 13n, label).toBe(true);
        }
    expect(skipped).toBeLessThan(10); // only the 1,000 元 × long term × high rate corner
  });

  it('等额本金 interest falls every month; 到期还本 pays nothing before maturity; 先息后本 repays at the end', () => {
    for (const principalFen of principals)
      for (const annualRateBp of rates)
        for (const termMonths of terms) {
          const ep = repaymentSchedule({ principalFen, annualRateBp, termMonths, method: 'equal_principal' }).periods;
          for (let i = 1; i < ep.length; i++) expect(ep[i].interestFen <= ep[i - 1].interestFen).toBe(true);
          if (principalFen >= 100_000_000n && annualRateBp >= 345 && termMonths > 1) {
            expect(ep[termMonths - 1].interestFen < ep[0].interestFen).toBe(true);
          }
          const bl = repaymentSchedule({ principalFen, annualRateBp, termMonths, method: 'bullet' }).periods;
          expect(bl.slice(0, -1).every((p) => p.paymentFen === 0n && p.remainingFen === principalFen)).toBe(true);
          expect(bl[termMonths - 1].principalFen).toBe(principalFen);
          const fi = repaymentSchedule({ principalFen, annualRateBp, termMonths, method: 'interest_first' }).periods;
          expect(fi.slice(0, -1).every((p) => p.principalFen === 0n && p.interestFen === fi[0].interestFen)).toBe(true);
          expect(fi[termMonths - 1].principalFen).toBe(principalFen);
        }
  });
});

describe('repaymentSchedule: validation', () => {
  const ok = { principalFen: WAN_100, annualRateBp: 345, termMonths: 12, method: 'equal_installment' as const };

  it('rejects bad principals, terms, rates and methods with RangeError', () => {
    expect(() => repaymentSchedule({ ...ok, principalFen: 0n })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, principalFen: -1n })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, principalFen: 100 as unknown as bigint })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, termMonths: 0 })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, termMonths: 361 })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, termMonths: 12.5 })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, termMonths: Number.NaN })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, annualRateBp: -1 })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, annualRateBp: 3601 })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, annualRateBp: 3.45 })).toThrow(RangeError);
    expect(() => repaymentSchedule({ ...ok, method: 'balloon' as RepaymentMethod })).toThrow(RangeError);
    expect(() => equalInstallmentPaymentFen(WAN_100, 345, 0)).toThrow(RangeError);
  });

  it('accepts the boundaries', () => {
    expect(repaymentSchedule({ ...ok, principalFen: 1n, termMonths: 1, annualRateBp: 0 }).totalPaymentFen).toBe(1n);
    expect(repaymentSchedule({ ...ok, termMonths: 360, annualRateBp: 3600 }).periods).toHaveLength(360);
  });
});

describe('annualisedCostBp', () => {
  it('is rate + fees − subsidy, floored at 0', () => {
    expect(annualisedCostBp({ rateBp: 345 })).toBe(345);
    expect(annualisedCostBp({ rateBp: 345, feeBp: 50 })).toBe(395);
    expect(annualisedCostBp({ rateBp: 345, feeBp: 50, subsidyBp: 100 })).toBe(295); // 3.45 + 0.50 − 1.00 = 2.95 %
    expect(annualisedCostBp({ rateBp: 100, subsidyBp: 300 })).toBe(0);
  });

  it('rejects negative or fractional inputs', () => {
    expect(() => annualisedCostBp({ rateBp: -1 })).toThrow(RangeError);
    expect(() => annualisedCostBp({ rateBp: 345, feeBp: 0.5 })).toThrow(RangeError);
    expect(() => annualisedCostBp({ rateBp: 345, subsidyBp: -10 })).toThrow(RangeError);
  });
});

describe('rateRangeBp', () => {
  it("is a fixed-rate product's own range, and LPR plus the spreads for a spread-priced one", () => {
    expect(rateRangeBp({ rateType: 'fixed', rateMinBp: 350, rateMaxBp: 480 }, null)).toEqual({ minBp: 350, maxBp: 480 });
    expect(rateRangeBp({ rateType: 'fixed', rateMinBp: 350, rateMaxBp: 480 }, 300)).toEqual({ minBp: 350, maxBp: 480 });
    expect(rateRangeBp({ rateType: 'lpr_spread', rateMinBp: -20, rateMaxBp: 150 }, 310)).toEqual({ minBp: 290, maxBp: 460 });
  });

  it('is null for a spread-priced product without an LPR to price against', () => {
    expect(rateRangeBp({ rateType: 'lpr_spread', rateMinBp: 0, rateMaxBp: 150 }, null)).toBeNull();
  });
});

describe('effectiveRateBp', () => {
  it('returns a fixed rate as is', () => {
    expect(effectiveRateBp({ rateType: 'fixed', rateBp: 420, lprOneYearBp: null })).toBe(420);
    expect(effectiveRateBp({ rateType: 'fixed', rateBp: 420, lprOneYearBp: 300 })).toBe(420);
  });

  it('adds the spread to the 1-year LPR', () => {
    expect(effectiveRateBp({ rateType: 'lpr_spread', rateBp: 45, lprOneYearBp: 300 })).toBe(345); // 3.00 % + 0.45 %
    expect(effectiveRateBp({ rateType: 'lpr_spread', rateBp: -20, lprOneYearBp: 300 })).toBe(280); // LPR − 20 bp
    expect(effectiveRateBp({ rateType: 'lpr_spread', rateBp: 0, lprOneYearBp: 300 })).toBe(300);
  });

  it('throws without an LPR, or when the result is negative', () => {
    expect(() => effectiveRateBp({ rateType: 'lpr_spread', rateBp: 45, lprOneYearBp: null })).toThrow(/LPR/);
    expect(() => effectiveRateBp({ rateType: 'lpr_spread', rateBp: -301, lprOneYearBp: 300 })).toThrow(RangeError);
    expect(() => effectiveRateBp({ rateType: 'fixed', rateBp: -1, lprOneYearBp: null })).toThrow(RangeError);
  });
});

describe('offerCost', () => {
  it('500万元, 12 months 等额本息 at 3.45 %, 0.50 % fees, 1.00 % subsidy', () => {
    // Level payment 42,449,411 fen; total interest 9,392,928 fen.
    // Fees 500,000,000 × 50 × 12 / 120000 = 2,500,000; subsidy × 100 → 5,000,000.
    // Total 9,392,928 + 2,500,000 − 5,000,000 = 6,892,928 fen (68,929.28 元).
    expect(offerCost({ principalFen: 500_000_000n, termMonths: 12, method: 'equal_installment', rateBp: 345, feeBp: 50, subsidyBp: 100 })).toEqual({
      annualisedCostBp: 295,
      totalInterestFen: 9_392_928n,
      feesFen: 2_500_000n,
      subsidyFen: 5_000_000n,
      totalCostFen: 6_892_928n,
    });
  });

  it('到期还本 with a fee rounds the fee half up', () => {
    // 123,456,789 × 37 × 7 / 120000 = 266,460.90… → 266,461 for both the interest at 37 bp and the fee at 37 bp.
    expect(offerCost({ principalFen: 123_456_789n, termMonths: 7, method: 'bullet', rateBp: 37, feeBp: 37, subsidyBp: 0 })).toEqual({
      annualisedCostBp: 74,
      totalInterestFen: 266_461n,
      feesFen: 266_461n,
      subsidyFen: 0n,
      totalCostFen: 532_922n,
    });
  });

  it('floors the total at 0 when the subsidy exceeds interest and fees', () => {
    // 100万元 先息后本 at 1.00 %: round(83,333.33) = 83,333 × 12 = 999,996 interest; subsidy 3.00 % = 3,000,000.
    expect(offerCost({ principalFen: WAN_100, termMonths: 12, method: 'interest_first', rateBp: 100, feeBp: 0, subsidyBp: 300 })).toEqual({
      annualisedCostBp: 0,
      totalInterestFen: 999_996n,
      feesFen: 0n,
      subsidyFen: 3_000_000n,
      totalCostFen: 0n,
    });
  });

  it('defaults fees and subsidy to zero and validates like repaymentSchedule', () => {
    const c = offerCost({ principalFen: WAN_100, termMonths: 12, method: 'bullet', rateBp: 345 });
    expect(c).toEqual({ annualisedCostBp: 345, totalInterestFen: 3_450_000n, feesFen: 0n, subsidyFen: 0n, totalCostFen: 3_450_000n });
    expect(() => offerCost({ principalFen: 0n, termMonths: 12, method: 'bullet', rateBp: 345 })).toThrow(RangeError);
    expect(() => offerCost({ principalFen: WAN_100, termMonths: 12, method: 'bullet', rateBp: 345, feeBp: -5 })).toThrow(RangeError);
  });
});
