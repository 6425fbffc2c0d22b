import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { homeFor } from '@/lib/auth/actor';
import { currentAccount } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';
import { getDb } from '@/db';
import { inactiveStanding } from '@/lib/enterprises/verification';
import { pageTitle } from '@/lib/i18n/page-title';
import { ConsentList } from '@/components/documents/consent-list';
import { liveConsents } from '@/lib/documents/vault';

export const generateMetadata = pageTitle('accountStatus');

/**
 * Where a user whose organisation may not act (pending, suspended or rejected institution, enterprise whose
 * verification was rejected) is sent from every page (lib/auth/account.ts): what the status is,
 * why, and what to do. Any signed-in user may open it.
 */
export default async function AccountStatusPage() {
  const account = await currentAccount();
  if (!account) redirect('/login?callbackUrl=%2Faccount%2Fstatus');
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const org = account.organisation;
  const inactiveEnterprise = !account.active && org?.kind === 'enterprise';
  const [consents, standing] = await Promise.all([
    // An enterprise that may not act still decides who sees its data: its consents, to withdraw here.
    inactiveEnterprise ? liveConsents(db, account.actor) : [],
    // Whether its code was released, whether the decision revoked a verification, the loans it can still read.
    inactiveEnterprise && org.status === 'rejected' ? inactiveStanding(db, org.id) : null,
  ]);
  const statusLabel = !org
    ? null
    : org.kind === 'institution'
      ? t(`institutionStatus.${org.status}`)
      : standing?.revoked
        ? t('verification.revoked')
        : t(`verification.${org.status}`);
  const institutionText = {
    pending: 'account.pending',
    suspended: 'account.suspended',
    rejected: 'account.institutionRejected',
    active: 'account.active',
  } as const;
  // A rejection that released the enterprise's credit code cannot be undone by a new verification.
  const released = !!standing?.released;
  const explanation =
    !account.active && org
      ? org.kind === 'institution'
        ? t(institutionText[org.status])
        : t(released ? 'account.usccReleased' : standing?.revoked ? 'account.revoked' : 'account.rejected')
      : t('account.active');
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t('account.title')}</h1>
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {org && (
          <dl className="grid gap-3 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-600">{t(`account.kinds.${org.kind}`)}</dt>
              <dd className="font-semibold" data-testid="organisation-name">
                {org.name}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t('account.status')}</dt>
              <dd className="font-semibold" data-testid="organisation-status">
                {statusLabel}
              </dd>
            </div>
          </dl>
        )}
        <div
          role="status"
          className={`rounded-md border p-3 text-sm ${account.active ? 'border-green-300 bg-green-50 text-green-900' : 'border-amber-300 bg-amber-50 text-amber-900'}`}
        >
          <p>{explanation}</p>
          {org?.status === 'rejected' && org.note && (
            <p className="mt-2" data-testid="organisation-note">
              {t(org.kind === 'institution' ? 'account.institutionNote' : 'account.note', { note: org.note })}
            </p>
          )}
        </div>
        {standing && standing.loans > 0 && (
          <section aria-labelledby="loans" className="space-y-2" data-testid="status-loans">
            <h2 id="loans" className="font-semibold">
              {t('account.loansTitle')}
            </h2>
            <p className="text-sm text-slate-700">{t('account.loansLead', { loans: standing.loans, unsettled: standing.unsettled })}</p>
            <Link href="/enterprise/loans" className="text-sm font-medium text-brand-700 underline">
              {t('account.loansLink')}
            </Link>
          </section>
        )}
        {standing && standing.inProgress.length > 0 && (
          <section aria-labelledby="in-progress" className="space-y-2" data-testid="status-applications">
            <h2 id="in-progress" className="font-semibold">
              {t('account.applicationsTitle')}
            </h2>
            <p className="text-sm text-slate-700">{t('account.applicationsLead')}</p>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {standing.inProgress.map((a) => (
                <li key={a.id}>
                  {a.institution} · {a.product} · {t(`applications.statuses.${a.status}`)}
                </li>
              ))}
            </ul>
          </section>
        )}
        {!account.active && org?.kind === 'enterprise' && (
          <section aria-labelledby="consents" className="space-y-2">
            <h2 id="consents" className="font-semibold">
              {t('documents.consents.title')}
            </h2>
            <p className="text-sm text-slate-700">{t('account.consentsLead')}</p>
            <ConsentList consents={consents} t={t} locale={locale} />
          </section>
        )}
        <div className="flex flex-wrap items-center gap-3">
          {account.active && (
            <Link href={homeFor(account.actor.role)} className="font-medium text-brand-700 underline">
              {t('account.enter')}
            </Link>
          )}
          <SignOutButton />
        </div>
      </section>
    </div>
  );
}
