import Link from 'next/link';
import { Stat } from '@/components/ui/stat';
import { getDb } from '@/db';
import { gettingStarted } from '@/lib/enterprises/getting-started';
import { enterpriseHome } from '@/lib/enterprises/views';
import { requirePageActor } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';
import { localParkName } from '@/lib/i18n/names';
import { formatWan } from '@/lib/core/money';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('enterprise');

export default async function EnterpriseHome() {
  const actor = await requirePageActor(['enterprise'], '/enterprise');
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const { row, overview: o } = await enterpriseHome(db, actor);
  const e = row.enterprise;
  const steps = gettingStarted(e, o);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('enterprise.title')}</h1>
        <p className="text-slate-700">{t('enterprise.welcome', { name: actor.name })}</p>
      </div>
      {e.usccCheckOverridden && e.verificationStatus === 'unverified' && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t('enterprise.overridePending')}
        </p>
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="text-lg font-semibold" data-testid="organisation-name">
          {e.name}
        </h2>
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t('register.uscc')}</dt>
            <dd className="font-mono">{e.uscc ?? t('verify.usccReleased', { uscc: e.usccReleased ?? '' })}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('enterprise.park')}</dt>
            <dd>{localParkName(row, locale)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('enterprise.verification')}</dt>
            <dd>{t(`verification.${e.verificationStatus}`)}</dd>
          </div>
        </dl>
      </section>
      {steps.some((s) => !s.done) && (
        <section aria-labelledby="getting-started" className="rounded-lg border border-brand-100 bg-brand-50 p-4" data-testid="getting-started">
          <h2 id="getting-started" className="font-semibold">
            {t('enterprise.start.title')}
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {steps.map((s) => (
              <li key={s.step} className="flex items-baseline gap-2">
                <span aria-hidden="true" className={s.done ? 'text-green-700' : 'text-slate-500'}>
                  {s.done ? '✓' : '○'}
                </span>
                <span className="sr-only">{t(s.done ? 'enterprise.start.done' : 'enterprise.start.todo')}</span>
                {s.href && !s.done ? (
                  <Link href={s.href} className="text-brand-700 underline">
                    {t(`enterprise.start.${s.step}`)}
                  </Link>
                ) : (
                  <span className={s.done ? 'text-slate-600' : ''}>{t(`enterprise.start.${s.step}`)}</span>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t('enterprise.openNeeds')} value={o.openNeeds} href="/enterprise/needs" />
        <Stat label={t('enterprise.applications')} value={o.applications} href="/enterprise/applications" />
        <Stat label={t('enterprise.loans')} value={o.activeLoans} href="/enterprise/loans" />
        <Stat label={t('enterprise.outstanding')} value={formatWan(o.outstandingFen)} />
      </dl>
    </div>
  );
}
