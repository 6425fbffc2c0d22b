import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimForm } from '@/components/loans/claim-form';
import { EnforcePledgeButton } from '@/components/loans/enforce-pledge-button';
import { LoanTransitionButtons } from '@/components/loans/loan-transition-buttons';
import { ClaimsTable, LoanFacts, PledgePanel, RepaymentsTable, ScheduleTable, Section } from '@/components/loans/loan-views';
import { PledgeRegistrationForm } from '@/components/loans/pledge-registration-form';
import { RepaymentForm } from '@/components/loans/repayment-form';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getT } from '@/lib/i18n/server';
import { LOAN_LIFECYCLE_ACTIONS, loanMachine, type LoanLifecycleAction } from '@/lib/machines/loan';
import { getLoanView } from '@/lib/loans/service';
import { fenToWanInput, formatWanExact } from '@/lib/core/money';
import { allowedActions } from '@/lib/machines/define';
import { isUuid } from '@/lib/core/ids';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('institutionLoan');

export default async function InstitutionLoanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['institution'], `/institution/loans/${id}`);
  if (!isUuid(id)) notFound();
  const t = await getT();
  const view = await getLoanView(await getDb(), actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const l = view.loan;
  const moves = allowedActions(loanMachine, l.status, 'institution').filter((a): a is LoanLifecycleAction =>
    (LOAN_LIFECYCLE_ACTIONS as readonly string[]).includes(a),
  );
  const repayable = l.status === 'active' || l.status === 'overdue';
  const claimOpen = view.claims.some((c) => c.status === 'filed' || c.status === 'approved');
  const canClaim = l.status === 'defaulted' && view.enrolment !== null && !claimOpen;
  const afterDefault = l.status === 'defaulted' || l.status === 'compensated' || l.status === 'written_off';
  const outstandingWan = fenToWanInput(l.outstandingFen);
  // The limit the repayment and the claim are checked against, to the fen (114.426, not 114.43).
  const outstanding = formatWanExact(l.outstandingFen);
  return (
    <div className="space-y-8">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/institution/loans" className="text-brand-700 underline">
          {t('loans.institutionLoans')}
        </Link>
        <span aria-hidden="true"> · </span>
        <Link href={`/institution/applications/${l.applicationId}`} className="text-brand-700 underline" data-testid="application-link">
          {t('loans.fromApplication')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {t('loans.loan')} · {l.enterpriseName} · {l.productName}
        </h1>
        <LoanTransitionButtons loanId={l.id} actions={moves} />
      </div>
      <LoanFacts t={t} view={view} />
      {repayable && <RepaymentForm loanId={l.id} outstanding={outstanding} />}
      <Section id="repayments-title" title={t('loans.repayments.title')}>
        <RepaymentsTable t={t} view={view} />
      </Section>
      <Section id="pledge-title" title={t('loans.pledge.title')}>
        <PledgePanel
          t={t}
          view={view}
          actions={(p) =>
            p.status === 'pending_registration' ? (
              <PledgeRegistrationForm pledgeId={p.id} />
            ) : p.status === 'registered' && afterDefault ? (
              <EnforcePledgeButton pledgeId={p.id} />
            ) : null
          }
        />
      </Section>
      <Section id="scheme-title" title={t('loans.scheme.title')}>
        <p>{view.enrolment ? t('loans.scheme.enrolled', { scheme: view.enrolment.schemeName }) : t('loans.scheme.notEnrolled')}</p>
        {view.enrolment && <ClaimsTable t={t} view={view} />}
        {canClaim && <ClaimForm loanId={l.id} outstandingWan={outstandingWan} outstanding={outstanding} />}
      </Section>
      <Section id="schedule-title" title={t('loans.schedule.title')}>
        <ScheduleTable t={t} view={view} />
      </Section>
    </div>
  );
}
