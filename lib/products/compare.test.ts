import { describe, expect, it } from 'vitest';
import { compareOffers, type ComparableProduct } from './compare';

const base: ComparableProduct = {
  id: 'a',
  amountMinFen: 100_000_000n,
  amountMaxFen: 1_000_000_000n,
  termMinMonths: 6,
  termMaxMonths: 36,
  effectiveRateMinBp: 345,
  feeBp: 0,
  subsidyBp: 0,
  repaymentMethods: ['equal_installment', 'interest_first'],
};

describe('offer comparison', () => {
  it('prices 100万元 over 12 months at 3.45 % with the chosen repayment method', () => {
    const [o] = compareOffers([base], 100_000_000n, 12, 'interest_first');
    // 先息后本: 12 × round(100,000,000 × 345 / 120000) = 12 × 287,500 fen.
    expect(o).toMatchObject({ available: true, method: 'interest_first', annualisedCostBp: 345, totalInterestFen: 3_450_000n, totalCostFen: 3_450_000n });
  });

  it('falls back to the product’s first method when it does not offer the chosen one', () => {
    const [o] = compareOffers([base], 100_000_000n, 12, 'bullet');
    expect(o).toMatchObject({ available: true, method: 'equal_installment', totalInterestFen: 1_878_585n });
  });

  it('counts fees and subsidy in the annualised cost and the total', () => {
    const [o] = compareOffers([{ ...base, feeBp: 50, subsidyBp: 100 }], 100_000_000n, 12, 'interest_first');
    expect(o).toMatchObject({ annualisedCostBp: 295, feesFen: 500_000n, subsidyFen: 1_000_000n, totalCostFen: 2_950_000n });
  });

  it('marks products whose amount or term range excludes the request', () => {
    const offers = compareOffers([base, { ...base, id: 'b', termMaxMonths: 6 }, { ...base, id: 'c', amountMinFen: 200_000_000n }], 100_000_000n, 12);
    expect(offers.map((o) => o.available)).toEqual([true, false, false]);
  });
});
