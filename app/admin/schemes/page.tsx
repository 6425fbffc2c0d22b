import Link from 'next/link';
import { ClaimDecision } from '@/components/loans/claim-decision';
import { ContributionForm } from '@/components/loans/contribution-form';
import { LoanStatusBadge, Pager, Section } from '@/components/loans/loan-views';
import { TableBox } from '@/components/ui/table-box';
import { Stat } from '@/components/ui/stat';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { zoneDay } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { categoryName, productCategories } from '@/lib/products/categories';
import { formatWan } from '@/lib/core/money';
import { leverageUse } from '@/lib/schemes/leverage';
import { schemesOverview } from '@/lib/schemes/service';
import { pageTitle } from '@/lib/i18n/page-title';
import { joinList } from '@/lib/i18n/punctuation';

export const generateMetadata = pageTitle('schemes');
const PAGE_SIZE = 20;

const percent = (bp: number) => `${bp / 100}%`;

export default async function AdminSchemesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor(['admin'], '/admin/schemes');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const db = await getDb();
  const [{ schemes, claims }, categories] = await Promise.all([schemesOverview(db, actor, page, PAGE_SIZE), productCategories(db)]);
  const pages = Math.max(1, Math.ceil(claims.total / PAGE_SIZE));
  const th = 'px-3 py-2';
  const num = 'px-3 py-2 text-right tabular-nums';
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t('loans.admin.title')}</h1>
        <p className="text-slate-700">{t('loans.admin.lead')}</p>
      </div>

      {schemes.length === 0 && <p className="text-slate-700">{t('loans.admin.none')}</p>}
      {schemes.map((s) => {
        const shares = [
          t('loans.admin.shareFund', { p: percent(s.shareFundBp) }),
          t('loans.admin.shareBank', { p: percent(s.shareBankBp) }),
          s.shareGuarantorBp ? t('loans.admin.shareGuarantor', { p: percent(s.shareGuarantorBp) }) : null,
          s.shareInsurerBp ? t('loans.admin.shareInsurer', { p: percent(s.shareInsurerBp) }) : null,
          s.shareEvaluatorBp ? t('loans.admin.shareEvaluator', { p: percent(s.shareEvaluatorBp) }) : null,
        ].filter(Boolean);
        const titleId = `scheme-${s.id}`;
        const use = leverageUse(s.leverageCap, s.figures.balanceFen, s.figures.inForceFen);
        return (
          <section key={s.id} aria-labelledby={titleId} className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="scheme">
            <div className="space-y-1">
              <h2 id={titleId} className="text-lg font-semibold">
                {s.name}
              </h2>
              <p className="text-sm text-slate-700">
                {t(`loans.schemeKinds.${s.kind}`)} · {t('loans.admin.categories')}
                {t('app.colon')}
                {joinList(
                  t,
                  s.eligibleCategories.map((c) => categoryName(categories, c, locale)),
                )}{' '}
                · {t('loans.admin.shares')}
                {t('app.colon')}
                {shares.join(' : ')} · {t('loans.admin.cap')}
                {t('app.colon')}
                {formatWan(s.capPerLoanFen)}
                {s.leverageCap && ` · ${t('loans.admin.leverage')}${t('app.colon')}${s.leverageCap}`}
              </p>
            </div>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <Stat label={t('loans.admin.balance')} value={formatWan(s.figures.balanceFen)} testId="scheme-balance" />
              <Stat label={t('loans.admin.contributed')} value={formatWan(s.figures.contributedFen)} />
              <Stat label={t('loans.admin.enrolledLoans')} value={s.figures.enrolledLoans} />
              <Stat label={t('loans.admin.supportedEnterprises')} value={s.figures.supportedEnterprises} />
              <Stat label={t('loans.admin.disbursed')} value={formatWan(s.figures.disbursedFen)} />
              <Stat label={t('loans.admin.inForce')} value={formatWan(s.figures.inForceFen)} testId="scheme-in-force" />
              <Stat label={t('loans.admin.claimsPaid')} value={s.figures.claimsPaid} />
              <Stat label={t('loans.admin.paidAmount')} value={formatWan(s.figures.paidFen)} />
            </dl>
            {use && (
              <p className={`text-sm ${use.over ? 'font-medium text-red-800' : 'text-slate-700'}`} data-testid="scheme-leverage">
                {t(use.over ? 'loans.admin.leverageOver' : 'loans.admin.leverageUse', {
                  cap: s.leverageCap ?? '',
                  limit: formatWan(use.limitFen),
                  percent: use.percent,
                })}
              </p>
            )}
            <div className="grid gap-4 lg:grid-cols-2">
              <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <ContributionForm schemeId={s.id} schemeName={s.name} />
              </div>
              <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h3 className="font-semibold">{t('loans.admin.recentContributions')}</h3>
                {s.contributions.length === 0 ? (
                  <p className="text-sm text-slate-700">{t('loans.admin.noContributions')}</p>
                ) : (
                  <ul className="space-y-1 text-sm">
                    {s.contributions.map((c) => (
                      <li key={c.id} className="flex justify-between gap-3">
                        <span>
                          {c.contributedOn} {c.note}
                        </span>
                        <span className="tabular-nums">+{formatWan(c.amountFen)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </section>
        );
      })}

      <Section id="claims-queue" title={t('loans.admin.queue')}>
        {claims.items.length === 0 ? (
          <p className="text-slate-700">{t('loans.admin.queueNone')}</p>
        ) : (
          <TableBox label={t('loans.admin.queue')}>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className={th}>
                    {t('loans.claims.scheme')}
                  </th>
                  <th scope="col" className={th}>
                    {t('loans.enterprise')}
                  </th>
                  <th scope="col" className={th}>
                    {t('loans.institution')}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t('loans.principal')}
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
                    {t('admin.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {claims.items.map((c) => {
                  const subject = `${c.enterpriseName} · ${formatWan(c.compensationFen)}`;
                  return (
                    <tr key={c.id} className="border-t border-slate-200 align-top" data-testid="claim-row">
                      <td className={th}>{c.schemeName}</td>
                      <td className={th}>{c.enterpriseName}</td>
                      <td className={th}>
                        {c.institutionName}
                        <div className="text-xs text-slate-600">
                          {c.productName} · <LoanStatusBadge t={t} status={c.loanStatus} />
                        </div>
                      </td>
                      <td className={num}>{formatWan(c.principalFen)}</td>
                      <td className={num}>{formatWan(c.lossFen)}</td>
                      <td className={num}>{formatWan(c.compensationFen)}</td>
                      <td className={th} data-testid="claim-status">
                        {t(`loans.claims.statuses.${c.status}`)}
                      </td>
                      <td className={th}>{zoneDay(c.filedAt)}</td>
                      <td className={th}>
                        {(c.status === 'filed' || c.status === 'approved') && (
                          <ClaimDecision claimId={c.id} status={c.status} schemeName={c.schemeName} subject={subject} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableBox>
        )}
        <Pager t={t} page={page} pages={pages} href={(p) => `?page=${p}`} />
      </Section>
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 underline">
          {t('nav.admin')}
        </Link>
      </p>
    </div>
  );
}
