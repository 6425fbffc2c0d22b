import { LoanTable, Pager } from '@/components/loans/loan-views';
import { getDb } from '@/db';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { currentAccount, requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { loansForEnterprise } from '@/lib/loans/service';
import { LOAN_PAGE_SIZE, loanListQuerySchema } from '@/lib/validation/loans';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('enterpriseLoans');

export default async function EnterpriseLoansPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor(['enterprise'], '/enterprise/loans', { evenInactive: true });
  const [t, account] = await Promise.all([getT(), currentAccount()]);
  const { page } = loanListQuerySchema.parse(await searchParams);
  const { items, total } = await loansForEnterprise(await getDb(), actor, page);
  const pages = Math.max(1, Math.ceil(total / LOAN_PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t('loans.myLoans')}</h1>
        <p className="text-slate-700">{t('loans.myLoansLead')}</p>
      </div>
      {/* A rejected or revoked enterprise may still read its loans, and only them. */}
      {!account?.active && (
        <Alert tone="warning" testId="loans-only">
          {t('account.loansOnly')}{' '}
          <Link href="/account/status" className="font-medium underline">
            {t('account.loansOnlyLink')}
          </Link>
        </Alert>
      )}
      <LoanTable t={t} items={items} party="institution" hrefBase="/enterprise/loans" />
      <Pager t={t} page={page} pages={pages} href={(p) => `?page=${p}`} />
    </div>
  );
}
