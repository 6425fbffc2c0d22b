import { LoanTable, Pager } from '@/components/loans/loan-views';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { loansForEnterprise } from '@/lib/loans/service';
import { LOAN_PAGE_SIZE, loanListQuerySchema } from '@/lib/validation/loans';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('enterpriseLoans');

export default async function EnterpriseLoansPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor(['enterprise'], '/enterprise/loans');
  const t = await getT();
  const { page } = loanListQuerySchema.parse(await searchParams);
  const { items, total } = await loansForEnterprise(await getDb(), actor, page);
  const pages = Math.max(1, Math.ceil(total / LOAN_PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t('loans.myLoans')}</h1>
        <p className="text-slate-700">{t('loans.myLoansLead')}</p>
      </div>
      <LoanTable t={t} items={items} party="institution" hrefBase="/enterprise/loans" />
      <Pager t={t} page={page} pages={pages} href={(p) => `?page=${p}`} />
    </div>
  );
}
