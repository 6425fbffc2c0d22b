import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n/translate';
import { amountRangeText, termRangeText } from './format';

describe('a product’s ranges as text', () => {
  const zh = makeTranslate('zh');
  const en = makeTranslate('en');
  it('shows both ends of a range, and one value when they are the same', () => {
    expect(termRangeText(6, 36, zh)).toBe('6–36 个月');
    expect(termRangeText(12, 12, zh)).toBe('12 个月');
    expect(termRangeText(12, 12, en)).toBe('12 months');
    expect(amountRangeText(1_000_000n, 50_000_000n, zh)).toBe('1.00–50.00 万元');
    expect(amountRangeText(50_000_000n, 50_000_000n, zh)).toBe('50.00 万元');
  });
});
