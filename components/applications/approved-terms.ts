// The approved terms (授信条件) in one line, as the enterprise's page and the officer's workbench show
// them: amount, rate and term, and the repayment method when the approval set one other than the
// one applied for (or the application named none).
import { formatRateBp, formatWan } from '@/lib/core/money';
import type { Translate } from '@/lib/i18n/translate';

export interface ApprovedTerms {
  termMonths: number;
  approvedAmountFen: bigint;
  approvedRateBp: number | null;
  approvedTermMonths: number | null;
  repaymentMethod?: string | null;
  approvedRepaymentMethod?: string | null;
}

export function approvedTermsText(t: Translate, a: ApprovedTerms): string {
  const line = t('applications.approvedLine', {
    amount: formatWan(a.approvedAmountFen),
    rate: formatRateBp(a.approvedRateBp ?? 0),
    term: a.approvedTermMonths ?? a.termMonths,
  });
  const approved = a.approvedRepaymentMethod;
  if (!approved || approved === a.repaymentMethod) return line;
  const method = t(`repaymentMethods.${approved}`);
  const more = a.repaymentMethod
    ? t('applications.approvedMethodChanged', { method, requested: t(`repaymentMethods.${a.repaymentMethod}`) })
    : t('applications.approvedMethod', { method });
  return `${line} · ${more}`;
}
