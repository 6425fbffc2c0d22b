import { CertificationForm, InviteForm, ProfileForm, RemoveCertificationButton } from '@/components/profile/forms';
import { getDb } from '@/db';
import { enterpriseProfile } from '@/lib/enterprises/views';
import { requirePageActor } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';
import { localName } from '@/lib/i18n/names';
import { profileToForm } from '@/lib/validation/profile';
import { EmptyState } from '@/components/ui/empty-state';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('profile');

export default async function ProfilePage() {
  const actor = await requirePageActor(['enterprise'], '/enterprise/profile');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const db = await getDb();
  const { row, parks, certs, colleagues } = await enterpriseProfile(db, actor);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t('profile.title')}</h1>
        <p className="text-slate-700">{t('profile.lead')}</p>
        <p className="mt-1 text-sm">
          {t('register.uscc')}
          {t('app.colon')}
          <span className="font-mono">{row.enterprise.uscc ?? t('verify.usccReleased', { uscc: row.enterprise.usccReleased ?? '' })}</span> ·{' '}
          {t(`verification.${row.enterprise.verificationStatus}`)}
        </p>
      </div>
      <ProfileForm
        initial={profileToForm(row.enterprise)}
        parks={parks.map((p) => ({ id: p.id, name: localName(p, locale) }))}
        identityLocked={row.enterprise.verificationStatus === 'verified'}
      />
      <section aria-labelledby="certs" className="space-y-3">
        <h2 id="certs" className="text-lg font-semibold">
          {t('profile.certifications')}
        </h2>
        {certs.length === 0 ? (
          <EmptyState text={t('profile.noCertifications')} hint={t('empty.certifications')} />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {certs.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="certification">
                <span>
                  <strong>{t(`certifications.${c.kind}`)}</strong> · <span className="font-mono">{c.number}</span> · {c.validFrom} ~ {c.validTo} ·{' '}
                  {t(`verification.${c.verificationStatus}`)}
                  {c.verificationNote && <span className="text-slate-600">{t('app.aside', { text: String(c.verificationNote) })}</span>}
                </span>
                <RemoveCertificationButton id={c.id} label={c.number} />
              </li>
            ))}
          </ul>
        )}
        <CertificationForm />
      </section>
      <section aria-labelledby="colleagues" className="space-y-3">
        <h2 id="colleagues" className="text-lg font-semibold">
          {t('profile.colleagues')}
        </h2>
        <p className="text-sm text-slate-700">{t('profile.colleaguesLead')}</p>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {colleagues.map((u) => (
            <li key={u.id} className="px-3 py-2 text-sm">
              {u.name} · {u.email} · {u.memberRole ? t(`memberRoles.${u.memberRole}`) : ''}
            </li>
          ))}
        </ul>
        {actor.memberRole !== 'owner' ? (
          <p className="text-sm text-slate-600">{t('profile.onlyOwner')}</p>
        ) : row.enterprise.verificationStatus === 'verified' ? (
          <InviteForm />
        ) : (
          <p className="text-sm text-slate-600">{t('profile.errors.invite_unverified')}</p>
        )}
      </section>
    </div>
  );
}
