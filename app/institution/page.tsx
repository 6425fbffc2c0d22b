import { Stat } from '@/components/ui/stat';
import { getDb } from '@/db';
import { institutionHome } from '@/lib/institutions/views';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { formatWan } from '@/lib/core/money';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('institution');

export default async function InstitutionHome() {
  const actor = await requirePageActor(['institution'], '/institution');
  const [t, db] = await Promise.all([getT(), getDb()]);
  const { institution: inst, overview: o } = await institutionHome(db, actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('institution.title')}</h1>
        <p className="text-slate-700">
          <span data-testid="organisation-name">{inst.name}</span> · {t(`institutionKinds.${inst.kind}`)} · {t('institution.status')}
          {t('app.colon')}
          {t(`institutionStatus.${inst.status}`)}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t('institution.publishedProducts')} value={o.publishedProducts} href="/institution/products" />
        <Stat label={t('institution.pendingApplications')} value={o.pendingApplications} href="/institution/applications?status=submitted" />
        <Stat label={t('institution.activeLoans')} value={o.activeLoans} href="/institution/loans" />
        <Stat label={t('institution.outstanding')} value={formatWan(o.outstandingFen)} />
      </dl>
    </div>
  );
}
