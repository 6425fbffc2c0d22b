import { LoanTable, Pager } from '@/components/loans/loan-views';
import { secondaryButtonClass } from '@/components/ui/field';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { loanMachine } from '@/lib/machines/loan';
import { loansForInstitution } from '@/lib/loans/service';
import { LOAN_PAGE_SIZE, loanListQuerySchema } from '@/lib/validation/loans';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('institutionLoans');

export default async function InstitutionLoansPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor(['institution'], '/institution/loans');
  const t = await getT();
  const q = loanListQuerySchema.parse(await searchParams);
  const { items, total } = await loansForInstitution(await getDb(), actor, q);
  const pages = Math.max(1, Math.ceil(total / LOAN_PAGE_SIZE));
  const href = (page: number) => `?${new URLSearchParams({ ...(q.status ? { status: q.status } : {}), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t('loans.institutionLoans')}</h1>
        <p className="text-slate-700">{t('loans.institutionLoansLead')}</p>
      </div>
      <form method="get" role="search" aria-label={t('loans.filter')} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="loan-status" className="block text-sm font-medium text-slate-800">
            {t('loans.status')}
          </label>
          <select id="loan-status" name="status" defaultValue={q.status ?? ''} className="rounded-md border border-slate-400 bg-white px-3 py-2">
            <option value="">{t('loans.allStatuses')}</option>
            {loanMachine.states.map((s) => (
              <option key={s} value={s}>
                {t(`loans.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t('loans.filter')}
        </button>
        <p className="text-sm text-slate-700" role="status">
          {t('loans.results', { total })}
        </p>
      </form>
      <LoanTable t={t} items={items} party="enterprise" hrefBase="/institution/loans" />
      <Pager t={t} page={q.page} pages={pages} href={href} />
    </div>
  );
}
