import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecisionPanel } from '@/components/applications/decision-panel';
import { Timeline } from '@/components/applications/timeline';
import { EnterpriseSection, NeedSection, PledgedAssetsSection, SharedDocumentsSection, TermsSection } from '@/components/applications/workbench';
import { ShareChecklist } from '@/components/documents/share-checklist';
import { PledgeRegistrationForm } from '@/components/loans/pledge-registration-form';
import { getDb } from '@/db';
import { applicationMachine } from '@/lib/machines/application';
import { workbenchFor } from '@/lib/applications/workbench';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { getLocale, getT } from '@/lib/i18n/server';
import { bpToPercentInput, fenToWanInput, formatRateBp, formatWan } from '@/lib/core/money';
import { zoneDay } from '@/lib/core/dates';
import { earliestDisbursal } from '@/lib/applications/disbursal';
import { allowedActions } from '@/lib/machines/define';
import { DOCUMENT_KINDS } from '@/lib/validation/document';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('institutionApplication');

/** The officer's workbench: everything the decision needs on one page (issue 13). */
export default async function InstitutionApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['institution'], `/institution/applications/${id}`);
  if (!isUuid(id)) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const w = await workbenchFor(await getDb(), actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const a = w.application;
  const p = w.product;
  const actions = allowedActions(applicationMachine, a.status, 'institution');
  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/institution/applications" className="text-brand-700 underline">
          {t('applications.inbox')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {w.enterpriseName} · {w.productName}
        </h1>
        <p className="text-lg">
          {t('applications.status')}
          {t('app.colon')}
          <span data-testid="application-status">{t(`applications.statuses.${a.status}`)}</span>
        </p>
      </div>
      {w.enterprise.enterprise.verificationStatus === 'rejected' ? (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="enterprise-verification-notice">
          {t(actions.length > 0 ? 'documents.workbench.enterpriseRejected' : 'documents.workbench.enterpriseRejectedClosed')}
        </p>
      ) : (
        w.enterprise.enterprise.verificationStatus === 'unverified' && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="enterprise-verification-notice">
            {t('documents.workbench.enterpriseUnverified')}
          </p>
        )
      )}
      {a.rejectReason && (
        <p className="text-sm">
          {t('applications.reason')}
          {t('app.colon')}
          {a.rejectReason}
        </p>
      )}
      {w.loan && (
        <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm">
          {t('documents.workbench.loan')}
          {t('app.colon')}
          <span data-testid="loan-disbursed-on">{t('documents.workbench.disbursedOn', { date: w.loan.disbursedOn })}</span>{' '}
          <Link href={`/institution/loans/${w.loan.id}`} className="text-brand-700 underline" data-testid="loan-link">
            {t('documents.workbench.viewLoan')}
          </Link>
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <TermsSection w={w} t={t} />
        <NeedSection w={w} t={t} />
      </div>
      <EnterpriseSection w={w} t={t} locale={locale} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ShareChecklist items={w.documents.checklist} t={t} officer />
        <SharedDocumentsSection w={w} t={t} locale={locale} />
      </div>
      <PledgedAssetsSection w={w} t={t} />
      {w.pledge && (
        <section aria-labelledby="pledge" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="pledge" className="font-semibold">
            {t('applications.pledge')}
            {t('app.colon')}
            <span data-testid="pledge-status">{t(`applications.pledgeStatus.${w.pledge.status}`)}</span>
          </h2>
          {w.pledge.registrationNumber && (
            <p className="text-sm">
              {t('applications.registrationNumber')}
              {t('app.colon')}
              {w.pledge.registrationNumber} · {w.pledge.registeredOn}
            </p>
          )}
          {w.pledge.status === 'pending_registration' && a.status === 'approved' && <PledgeRegistrationForm pledgeId={w.pledge.id} />}
        </section>
      )}
      <DecisionPanel
        // Each state has its own forms with their own starting values: a new state starts them afresh.
        key={a.status}
        applicationId={a.id}
        actions={actions}
        defaults={{
          amountWan: fenToWanInput(a.approvedAmountFen ?? a.amountFen),
          rate: bpToPercentInput(a.approvedRateBp ?? w.rateRange.minBp),
          term: String(a.approvedTermMonths ?? a.termMonths),
          repaymentMethod: a.repaymentMethod ?? p.repaymentMethods[0],
        }}
        rateHint={t('documents.workbench.rateHint', { min: formatRateBp(w.rateRange.minBp), max: formatRateBp(w.rateRange.maxBp) })}
        repaymentMethods={p.repaymentMethods}
        documentKinds={DOCUMENT_KINDS}
        disbursal={
          actions.includes('disburse')
            ? {
                today: zoneDay(),
                // A loan is dated no earlier than its approval, nor than its pledge's registration.
                earliest: earliestDisbursal(a.decidedAt ? zoneDay(a.decidedAt) : '', w.pledge?.registeredOn),
                amountWan: formatWan(a.approvedAmountFen ?? a.amountFen),
              }
            : undefined
        }
      />
      <section aria-labelledby="tl">
        <h2 id="tl" className="mb-3 text-lg font-semibold">
          {t('applications.timeline')}
        </h2>
        <Timeline
          events={w.events}
          t={t}
          locale={locale}
          extra={
            w.pledge?.registrationNumber
              ? [
                  {
                    key: 'pledge',
                    at: w.pledge.updatedAt,
                    label: t('documents.workbench.pledgeRegistered'),
                    note: `${t('applications.registrationNumber')}${t('app.colon')}${w.pledge.registrationNumber} · ${w.pledge.registeredOn}`,
                  },
                ]
              : []
          }
        />
      </section>
    </div>
  );
}
