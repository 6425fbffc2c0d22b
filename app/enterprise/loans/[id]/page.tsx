import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimsTable, LoanFacts, PledgePanel, RepaymentsTable, ScheduleTable, Section } from '@/components/loans/loan-views';
import { getDb } from '@/db';
import { currentAccount, requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getT } from '@/lib/i18n/server';
import { getLoanView } from '@/lib/loans/service';
import { isUuid } from '@/lib/core/ids';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('enterpriseLoan');

export default async function EnterpriseLoanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['enterprise'], `/enterprise/loans/${id}`, { evenInactive: true });
  if (!isUuid(id)) notFound();
  const [t, account] = await Promise.all([getT(), currentAccount()]);
  // A rejected or revoked enterprise reads its loans only: no link into the applications it cannot open.
  const active = !!account?.active;
  const view = await getLoanView(await getDb(), actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  return (
    <div className="space-y-8">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/enterprise/loans" className="text-brand-700 underline">
          {t('loans.myLoans')}
        </Link>
        {active && (
          <>
            <span aria-hidden="true"> · </span>
            <Link href={`/enterprise/applications/${view.loan.applicationId}`} className="text-brand-700 underline" data-testid="application-link">
              {t('loans.fromApplication')}
            </Link>
          </>
        )}
      </nav>
      <h1 className="text-2xl font-bold">
        {t('loans.loan')} · {view.loan.productName}
      </h1>
      <LoanFacts t={t} view={view} />
      <Section id="schedule-title" title={t('loans.schedule.title')}>
        <ScheduleTable t={t} view={view} />
      </Section>
      <Section id="repayments-title" title={t('loans.repayments.title')}>
        <RepaymentsTable t={t} view={view} />
      </Section>
      {view.pledges.length > 0 && (
        <Section id="pledge-title" title={t('loans.pledge.title')}>
          <PledgePanel t={t} view={view} />
        </Section>
      )}
      {view.enrolment && (
        <Section id="scheme-title" title={t('loans.scheme.title')}>
          <p>{t('loans.scheme.enrolled', { scheme: view.enrolment.schemeName })}</p>
          {view.claims.length > 0 && <ClaimsTable t={t} view={view} />}
        </Section>
      )}
    </div>
  );
}
