// Side-by-side comparison of offers for one amount and term: the best rate each product quotes
// (LPR + spread at the current LPR), its fees and subsidy, and the interest under the chosen
// repayment method (or the product's first one when it does not offer that method).
import { offerCost, type RepaymentMethod } from '../loans/cost';

export interface ComparableProduct {
  id: string;
  amountMinFen: bigint;
  amountMaxFen: bigint;
  termMinMonths: number;
  termMaxMonths: number;
  effectiveRateMinBp: number;
  feeBp: number;
  subsidyBp: number;
  repaymentMethods: RepaymentMethod[];
}

export type Offer =
  | { id: string; available: false }
  | {
      id: string;
      available: true;
      method: RepaymentMethod;
      rateBp: number;
      annualisedCostBp: number;
      totalInterestFen: bigint;
      feesFen: bigint;
      subsidyFen: bigint;
      totalCostFen: bigint;
    };

export function compareOffers(products: ComparableProduct[], amountFen: bigint, termMonths: number, method?: RepaymentMethod): Offer[] {
  return products.map((p) => {
    if (amountFen < p.amountMinFen || amountFen > p.amountMaxFen || termMonths < p.termMinMonths || termMonths > p.termMaxMonths)
      return { id: p.id, available: false };
    const m = method && p.repaymentMethods.includes(method) ? method : p.repaymentMethods[0];
    const cost = offerCost({ principalFen: amountFen, termMonths, method: m, rateBp: p.effectiveRateMinBp, feeBp: p.feeBp, subsidyBp: p.subsidyBp });
    return { id: p.id, available: true, method: m, rateBp: p.effectiveRateMinBp, ...cost };
  });
}
