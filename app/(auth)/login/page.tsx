import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { landingFor } from '@/lib/auth/account';
import { currentAccount } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { safeCallbackPath } from '@/lib/auth/safe-redirect';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('login');

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackPath(typeof sp.callbackUrl === 'string' ? sp.callbackUrl : null);
  const account = await currentAccount();
  if (account) redirect(landingFor(account, callbackUrl));
  const t = await getT();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t('login.title')}</h1>
      {sp.registered && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {sp.registered === 'institution' ? t('register.institutionPending') : sp.registered === 'password' ? t('profile.passwordSet') : t('login.registered')}
        </p>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <LoginForm callbackUrl={callbackUrl} />
      </div>
      <p className="text-sm text-slate-700">
        {t('login.noAccount')}{' '}
        <Link href="/register" className="font-medium text-brand-700 underline">
          {t('nav.register')}
        </Link>
      </p>
      <p className="text-sm text-slate-700">{t('login.forgotPassword')}</p>
      {/* The demo accounts, where demo data may be loaded (SEED_DEMO=false: a zone's own deployment). */}
      {process.env.SEED_DEMO !== 'false' && (
        <div className="rounded-md bg-slate-100 p-4 text-sm text-slate-700">
          <p>{t('login.demoHint')}</p>
          <ul className="mt-1 list-inside list-disc font-mono">
            <li>admin@kerongtong.demo</li>
            <li>bank@kerongtong.demo</li>
            <li>sme@kerongtong.demo</li>
          </ul>
        </div>
      )}
    </div>
  );
}
