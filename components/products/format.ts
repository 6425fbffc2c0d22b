// How product terms read in the interface (both languages, via t).
import type { Translate } from '@/lib/i18n/translate';
import { formatRateBp, formatWan } from '@/lib/core/money';

export interface PricedProduct {
  rateType: 'fixed' | 'lpr_spread';
  rateMinBp: number;
  rateMaxBp: number;
  effectiveRateMinBp: number;
  effectiveRateMaxBp: number;
}

export function rateText(p: PricedProduct, t: Translate): string {
  if (p.rateType === 'fixed') return p.rateMinBp === p.rateMaxBp ? formatRateBp(p.rateMinBp) : `${formatRateBp(p.rateMinBp)}–${formatRateBp(p.rateMaxBp)}`;
  return t('product.lprPlus', {
    sign: '+',
    min: formatRateBp(p.rateMinBp),
    max: formatRateBp(p.rateMaxBp),
    effMin: formatRateBp(Number(p.effectiveRateMinBp)),
    effMax: formatRateBp(Number(p.effectiveRateMaxBp)),
  });
}

/** A range, or its one value when both ends are the same ("12 个月", not "12–12 个月"). */
export function amountRangeText(minFen: bigint, maxFen: bigint, t: Translate): string {
  if (minFen === maxFen) return t('app.wan', { amount: formatWan(minFen) });
  return t('product.wanRange', { min: formatWan(minFen), max: formatWan(maxFen) });
}

export function termRangeText(min: number, max: number, t: Translate): string {
  if (min === max) return t('app.months', { n: min });
  return t('product.months', { min, max });
}
