import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('register');

export default async function RegisterPage() {
  const t = await getT();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t('register.chooseKind')}</h1>
      <div className="grid gap-4 sm:grid-cols-2">
        <Link href="/register/enterprise" className="block rounded-lg border border-slate-200 bg-white p-6 shadow-sm hover:border-brand-600">
          <h2 className="text-lg font-semibold text-brand-700">{t('register.enterpriseTitle')}</h2>
          <p className="mt-2 text-sm text-slate-700">{t('register.enterpriseLead')}</p>
        </Link>
        <Link href="/register/institution" className="block rounded-lg border border-slate-200 bg-white p-6 shadow-sm hover:border-brand-600">
          <h2 className="text-lg font-semibold text-brand-700">{t('register.institutionTitle')}</h2>
          <p className="mt-2 text-sm text-slate-700">{t('register.institutionLead')}</p>
        </Link>
      </div>
    </div>
  );
}
