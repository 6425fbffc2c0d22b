// Read-only views of a loan for server pages (no hooks, no client state): they take `t` from the page.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { zoneDay } from '@/lib/core/dates';
import type { Translate } from '@/lib/i18n/translate';
import type { LoanView } from '@/lib/loans/service';
import { formatRateBp, formatWan, formatYuan } from '@/lib/core/money';
import { EmptyState } from '../ui/empty-state';
import { TableBox } from '../ui/table-box';

type LoanStatus = LoanView['loan']['status'];

const STATUS_CLASS: Record<LoanStatus, string> = {
  active: 'bg-green-100 text-green-900',
  overdue: 'bg-amber-100 text-amber-900',
  repaid: 'bg-slate-200 text-slate-800',
  defaulted: 'bg-red-100 text-red-900',
  compensated: 'bg-sky-100 text-sky-900',
  written_off: 'bg-slate-300 text-slate-900',
};

export function LoanStatusBadge({ t, status, testId }: { t: Translate; status: LoanStatus; testId?: string }) {
  return (
    <span className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS_CLASS[status]}`} data-testid={testId}>
      {t(`loans.statuses.${status}`)}
    </span>
  );
}

const th = 'px-3 py-2';
const num = 'px-3 py-2 text-right tabular-nums';

export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export interface LoanListItem {
  id: string;
  productName: string;
  enterpriseName: string;
  institutionName: string;
  principalFen: bigint;
  outstandingFen: bigint;
  annualRateBp: number;
  termMonths: number;
  repaymentMethod: string;
  disbursedOn: string;
  maturesOn: string;
  status: LoanStatus;
}

/** The list of loans; `party` is the other side's name column (the lender for an enterprise, the borrower for a lender). */
export function LoanTable({ t, items, party, hrefBase }: { t: Translate; items: LoanListItem[]; party: 'institution' | 'enterprise'; hrefBase: string }) {
  if (items.length === 0) {
    // `party` is the other side: an enterprise's list names lenders.
    return party === 'institution' ? (
      <EmptyState text={t('loans.none')} hint={t('empty.enterpriseLoans')} href="/enterprise/applications" action={t('empty.enterpriseLoansAction')} />
    ) : (
      <EmptyState text={t('loans.none')} hint={t('empty.institutionLoans')} href="/institution/applications" action={t('empty.institutionLoansAction')} />
    );
  }
  return (
    <TableBox label={t('loans.navTitle')}>
      <table className="min-w-full text-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className={th}>
              {t('loans.product')}
            </th>
            <th scope="col" className={th}>
              {t(`loans.${party}`)}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('loans.principal')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('loans.outstanding')}
            </th>
            <th scope="col" className={th}>
              {t('loans.rate')}
            </th>
            <th scope="col" className={th}>
              {t('loans.method')}
            </th>
            <th scope="col" className={th}>
              {t('loans.disbursedOn')}
            </th>
            <th scope="col" className={th}>
              {t('loans.maturesOn')}
            </th>
            <th scope="col" className={th}>
              {t('loans.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr key={l.id} className="border-t border-slate-200" data-testid="loan-row">
              <td className={th}>
                <Link href={`${hrefBase}/${l.id}`} className="font-medium text-brand-700 underline">
                  {l.productName}
                </Link>
              </td>
              <td className={th}>{party === 'institution' ? l.institutionName : l.enterpriseName}</td>
              <td className={num}>{formatWan(l.principalFen)}</td>
              <td className={num}>{formatWan(l.outstandingFen)}</td>
              <td className={th}>
                {formatRateBp(l.annualRateBp)} · {t('loans.termMonths', { n: l.termMonths })}
              </td>
              <td className={th}>{t(`repaymentMethods.${l.repaymentMethod}`)}</td>
              <td className={th}>{l.disbursedOn}</td>
              <td className={th}>{l.maturesOn}</td>
              <td className={th}>
                <LoanStatusBadge t={t} status={l.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

export { Pager } from '../ui/pager';

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function LoanFacts({ t, view }: { t: Translate; view: LoanView }) {
  const l = view.loan;
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-4">
      <Fact label={t('loans.product')} value={l.productName} />
      <Fact label={t('loans.institution')} value={l.institutionName} />
      <Fact label={t('loans.enterprise')} value={l.enterpriseName} />
      <Fact label={t('loans.status')} value={<LoanStatusBadge t={t} status={l.status} testId="loan-status" />} />
      <Fact label={t('loans.principal')} value={formatWan(l.principalFen)} />
      <Fact label={t('loans.outstanding')} value={formatWan(l.outstandingFen)} testId="loan-outstanding" />
      <Fact label={t('loans.repaidSoFar')} value={formatWan(view.paid.principalFen)} />
      <Fact label={t('loans.interestSoFar')} value={formatWan(view.paid.interestFen)} />
      <Fact label={t('loans.rate')} value={formatRateBp(l.annualRateBp)} />
      <Fact label={t('loans.term')} value={t('loans.termMonths', { n: l.termMonths })} />
      <Fact label={t('loans.method')} value={t(`repaymentMethods.${l.repaymentMethod}`)} />
      <Fact label={`${t('loans.disbursedOn')} / ${t('loans.maturesOn')}`} value={`${l.disbursedOn} / ${l.maturesOn}`} />
    </dl>
  );
}

/** 还款计划: every period to the fen, with the totals. */
export function ScheduleTable({ t, view }: { t: Translate; view: LoanView }) {
  const s = view.schedule;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">{t('loans.schedule.lead', { method: t(`repaymentMethods.${view.loan.repaymentMethod}`) })}</p>
      <TableBox label={t('loans.schedule.title')}>
        <table className="min-w-full text-sm" data-testid="repayment-schedule">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className={th}>
                {t('loans.schedule.period')}
              </th>
              <th scope="col" className={th}>
                {t('loans.schedule.dueOn')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('loans.schedule.payment')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('loans.schedule.principal')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('loans.schedule.interest')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('loans.schedule.remaining')}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.periods.map((p) => (
              <tr key={p.period} className="border-t border-slate-200">
                <td className={th}>{p.period}</td>
                <td className={th}>{p.dueOn}</td>
                <td className={num}>{formatYuan(p.paymentFen)}</td>
                <td className={num}>{formatYuan(p.principalFen)}</td>
                <td className={num}>{formatYuan(p.interestFen)}</td>
                <td className={num}>{formatYuan(p.remainingFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            <tr>
              <th scope="row" colSpan={2} className={`${th} text-left`}>
                {t('loans.schedule.total')}
              </th>
              <td className={num}>{formatYuan(s.totalPaymentFen)}</td>
              <td className={num}>{formatYuan(view.loan.principalFen)}</td>
              <td className={num}>{formatYuan(s.totalInterestFen)}</td>
              <td className={num} />
            </tr>
          </tfoot>
        </table>
      </TableBox>
    </div>
  );
}

export function RepaymentsTable({ t, view }: { t: Translate; view: LoanView }) {
  if (view.repayments.length === 0) return <p className="text-slate-700">{t('loans.repayments.none')}</p>;
  return (
    <TableBox label={t('loans.repayments.title')}>
      <table className="min-w-full text-sm" data-testid="repayments">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className={th}>
              {t('loans.repayments.paidOn')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('loans.repayments.principal')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('loans.repayments.interest')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.repayments.map((r) => (
            <tr key={r.id} className="border-t border-slate-200">
              <td className={th}>{r.paidOn}</td>
              <td className={num}>{formatYuan(r.principalFen)}</td>
              <td className={num}>{formatYuan(r.interestFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

/** The pledges securing the loan, each with its assets; `actions(pledge)` adds an officer's buttons. */
export function PledgePanel({ t, view, actions }: { t: Translate; view: LoanView; actions?: (p: LoanView['pledges'][number]) => ReactNode }) {
  if (view.pledges.length === 0) return <p className="text-slate-700">{t('loans.pledge.none')}</p>;
  return (
    <div className="space-y-3">
      {view.pledges.map((p) => (
        <div key={p.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="pledge">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Fact label={t('loans.pledge.status')} value={t(`loans.pledge.statuses.${p.status}`)} testId="pledge-status" />
            <Fact label={t('loans.pledge.registrationNumber')} value={p.registrationNumber ?? '—'} />
            <Fact label={t('loans.pledge.registeredOn')} value={p.registeredOn ?? '—'} />
            <Fact label={t('loans.pledge.pledgedValue')} value={formatWan(p.pledgedValueFen)} />
          </dl>
          <div>
            <h3 className="text-sm font-medium text-slate-800">{t('loans.pledge.assets')}</h3>
            <ul className="list-disc pl-5 text-sm">
              {p.assets.map((a) => (
                <li key={a.id}>
                  {t(`ipAssets.kinds.${a.kind}`)} <span className="font-mono">{a.number}</span> {a.title}
                  {a.valuationFen !== null && ` · ${t('loans.pledge.valuation')} ${formatWan(a.valuationFen)}`}
                </li>
              ))}
            </ul>
          </div>
          {actions?.(p)}
        </div>
      ))}
    </div>
  );
}

export function ClaimsTable({ t, view }: { t: Translate; view: LoanView }) {
  if (view.claims.length === 0) return <p className="text-slate-700">{t('loans.claims.none')}</p>;
  const when = (d: Date | null) => (d ? zoneDay(d) : '—');
  return (
    <TableBox label={t('loans.claims.title')}>
      <table className="min-w-full text-sm" data-testid="claims">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className={th}>
              {t('loans.claims.scheme')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('loans.claims.loss')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('loans.claims.compensation')}
            </th>
            <th scope="col" className={th}>
              {t('loans.status')}
            </th>
            <th scope="col" className={th}>
              {t('loans.claims.filedAt')}
            </th>
            <th scope="col" className={th}>
              {t('loans.claims.paidAt')}
            </th>
            <th scope="col" className={th}>
              {t('loans.claims.rejectReason')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.claims.map((c) => (
            <tr key={c.id} className="border-t border-slate-200">
              <td className={th}>{c.schemeName}</td>
              <td className={num}>{formatWan(c.lossFen)}</td>
              <td className={num}>{formatWan(c.compensationFen)}</td>
              <td className={th} data-testid="claim-status">
                {t(`loans.claims.statuses.${c.status}`)}
              </td>
              <td className={th}>{when(c.filedAt)}</td>
              <td className={th}>{when(c.paidAt)}</td>
              <td className={th}>{c.rejectReason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
