import Link from 'next/link';
import { connection } from 'next/server';
import { InstitutionRegistrationForm } from '@/components/auth/institution-registration-form';
import { getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('registerInstitution');

export default async function InstitutionRegistrationPage() {
  await connection();
  const t = await getT();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('register.institutionTitle')}</h1>
        <p className="mt-2 text-slate-700">{t('register.institutionLead')}</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <InstitutionRegistrationForm />
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
