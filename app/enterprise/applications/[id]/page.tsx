import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicationSummary } from '@/components/applications/application-summary';
import { Timeline } from '@/components/applications/timeline';
import { WithdrawApplicationButton } from '@/components/applications/withdraw-button';
import { getDb } from '@/db';
import { applicationFor } from '@/lib/application-views';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getLocale, getT } from '@/lib/i18n/server';
import { isUuid } from '@/lib/ids';

export default async function EnterpriseApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['enterprise'], `/enterprise/applications/${id}`);
  if (!isUuid(id)) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const v = await applicationFor(await getDb(), actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const a = v.application;
  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/enterprise/applications" className="text-brand-700 underline">
          {t('applications.myApplications')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{v.productName}</h1>
        {['submitted', 'accepted', 'approved'].includes(a.status) && <WithdrawApplicationButton applicationId={a.id} />}
      </div>
      <ApplicationSummary a={a} productName={v.productName} enterpriseName={v.enterpriseName} t={t} />
      {v.pledge && (
        <p className="text-sm">
          {t('applications.pledge')}：<span data-testid="pledge-status">{t(`applications.pledgeStatus.${v.pledge.status}`)}</span>
          {v.pledge.registrationNumber && ` · ${t('applications.registrationNumber')} ${v.pledge.registrationNumber}`}
        </p>
      )}
      <section aria-labelledby="tl">
        <h2 id="tl" className="mb-3 text-lg font-semibold">
          {t('applications.timeline')}
        </h2>
        <Timeline events={v.events} t={t} locale={locale} />
      </section>
    </div>
  );
}
