import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicationSummary } from '@/components/applications/application-summary';
import { DecisionPanel } from '@/components/applications/decision-panel';
import { Timeline } from '@/components/applications/timeline';
import { PledgeRegistrationForm } from '@/components/loans/pledge-registration-form';
import { getDb } from '@/db';
import { applicationMachine } from '@/lib/machines/application';
import { applicationFor } from '@/lib/application-views';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getLocale, getT } from '@/lib/i18n/server';
import { fenToWanInput } from '@/lib/money';
import { allowedActions } from '@/lib/machines/define';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InstitutionApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['institution'], `/institution/applications/${id}`);
  if (!UUID.test(id)) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const v = await applicationFor(await getDb(), actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const a = v.application;
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
          {v.enterpriseName} · {v.productName}
        </h1>
        <Link href={`/institution/enterprises/${a.enterpriseId}`} className="text-sm text-brand-700 underline">
          {t('applications.viewEnterprise')}
        </Link>
      </div>
      <ApplicationSummary a={a} productName={v.productName} enterpriseName={v.enterpriseName} t={t} />
      {v.pledge && (
        <section aria-labelledby="pledge" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="pledge" className="font-semibold">
            {t('applications.pledge')}：<span data-testid="pledge-status">{t(`applications.pledgeStatus.${v.pledge.status}`)}</span>
          </h2>
          {v.pledge.registrationNumber && (
            <p className="text-sm">
              {t('applications.registrationNumber')}：{v.pledge.registrationNumber} · {v.pledge.registeredOn}
            </p>
          )}
          {v.pledge.status === 'pending_registration' && a.status === 'approved' && <PledgeRegistrationForm pledgeId={v.pledge.id} />}
        </section>
      )}
      <DecisionPanel
        applicationId={a.id}
        actions={actions}
        defaults={{ amountWan: fenToWanInput(a.amountFen), rate: '', term: String(a.termMonths) }}
      />
      <section aria-labelledby="tl">
        <h2 id="tl" className="mb-3 text-lg font-semibold">
          {t('applications.timeline')}
        </h2>
        <Timeline events={v.events} t={t} locale={locale} />
      </section>
    </div>
  );
}
