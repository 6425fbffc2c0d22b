import Link from 'next/link';
import type { Translate } from '@/lib/i18n/translate';
import { formatWan } from '@/lib/core/money';
import { approvedTermsText } from './approved-terms';
import { UserText } from '../ui/user-text';

export function ApplicationSummary({
  a,
  productName,
  enterpriseName,
  institutionName,
  t,
}: {
  a: {
    productId: string;
    status: string;
    amountFen: bigint;
    termMonths: number;
    approvedAmountFen: bigint | null;
    approvedRateBp: number | null;
    approvedTermMonths: number | null;
    rejectReason: string | null;
    repaymentMethod?: string | null;
    approvedRepaymentMethod?: string | null;
  };
  productName: string;
  enterpriseName: string;
  /** Shown to the enterprise: which institution its application went to. */
  institutionName?: string;
  t: Translate;
}) {
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-2">
      <div>
        <dt className="text-slate-600">{t('applications.product')}</dt>
        <dd>
          <Link href={`/products/${a.productId}`} className="text-brand-700 underline">
            {productName}
          </Link>
        </dd>
      </div>
      {institutionName !== undefined && (
        <div>
          <dt className="text-slate-600">{t('applications.institution')}</dt>
          <dd>
            <UserText>{institutionName}</UserText>
          </dd>
        </div>
      )}
      <div>
        <dt className="text-slate-600">{t('applications.enterprise')}</dt>
        <dd>
          <UserText>{enterpriseName}</UserText>
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">{t('documents.workbench.appliedAmount')}</dt>
        <dd>{t('app.wan', { amount: formatWan(a.amountFen) })}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t('documents.workbench.appliedTerm')}</dt>
        <dd>{t('app.months', { n: a.termMonths })}</dd>
      </div>
      {a.repaymentMethod && (
        <div>
          <dt className="text-slate-600">{t('documents.repayment.label')}</dt>
          <dd data-testid="repayment-method">{t(`repaymentMethods.${a.repaymentMethod}`)}</dd>
        </div>
      )}
      <div>
        <dt className="text-slate-600">{t('applications.status')}</dt>
        <dd data-testid="application-status">{t(`applications.statuses.${a.status}`)}</dd>
      </div>
      {a.approvedAmountFen !== null && (
        <div className="sm:col-span-2">
          <dt className="text-slate-600">{t('applications.approvedTerms')}</dt>
          <dd data-testid="approved-terms">{approvedTermsText(t, { ...a, approvedAmountFen: a.approvedAmountFen })}</dd>
        </div>
      )}
      {a.rejectReason && (
        <div className="sm:col-span-2">
          <dt className="text-slate-600">{t('applications.reason')}</dt>
          <dd>{a.rejectReason}</dd>
        </div>
      )}
    </dl>
  );
}
