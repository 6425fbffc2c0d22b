import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n/translate';
import { approvedTermsText } from './approved-terms';

const t = makeTranslate('zh');
const base = { termMonths: 12, approvedAmountFen: 4_000_000_00n, approvedRateBp: 345, approvedTermMonths: 24 };

describe('approvedTermsText', () => {
  it('names the repayment method only when the approval set one other than the one applied for', () => {
    expect(approvedTermsText(t, { ...base, repaymentMethod: 'bullet', approvedRepaymentMethod: 'bullet' })).toBe('400.00 万元 · 年利率 3.45% · 24 个月');
    expect(approvedTermsText(t, { ...base, repaymentMethod: 'bullet', approvedRepaymentMethod: 'equal_installment' })).toBe(
      '400.00 万元 · 年利率 3.45% · 24 个月 · 还款方式：等额本息（申请为到期还本）',
    );
    expect(approvedTermsText(t, { ...base, repaymentMethod: null, approvedRepaymentMethod: 'interest_first' })).toBe(
      '400.00 万元 · 年利率 3.45% · 24 个月 · 还款方式：先息后本',
    );
    expect(approvedTermsText(makeTranslate('en'), { ...base, repaymentMethod: 'bullet', approvedRepaymentMethod: 'equal_installment' })).toContain(
      '(applied for: ',
    );
  });
});
