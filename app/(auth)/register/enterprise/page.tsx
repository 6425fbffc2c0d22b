import Link from 'next/link';
import { EnterpriseRegistrationForm } from '@/components/auth/enterprise-registration-form';
import { getDb } from '@/db';
import { zoneParks } from '@/lib/enterprises/views';
import { getLocale, getT } from '@/lib/i18n/server';
import { localName } from '@/lib/i18n/names';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('registerEnterprise');

export default async function EnterpriseRegistrationPage() {
  const [t, locale] = await Promise.all([getT(), getLocale()]); // request-time first: never prerendered
  const parks = await zoneParks(await getDb());
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('register.enterpriseTitle')}</h1>
        <p className="mt-2 text-slate-700">{t('register.enterpriseLead')}</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <EnterpriseRegistrationForm parks={parks.map((p) => ({ id: p.id, name: localName(p, locale), districtCode: p.districtCode }))} />
      </div>
      <p className="text-sm">
        {t('register.haveAccount')}{' '}
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t('nav.signIn')}
        </Link>
      </p>
    </div>
  );
}
