import { connection } from 'next/server';
import { SetPasswordForm } from '@/components/auth/set-password-form';
import { getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('setPassword');

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  await connection();
  const t = await getT();
  const token = (await searchParams).token ?? '';
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t('profile.setPasswordTitle')}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SetPasswordForm token={token} />
      </div>
    </div>
  );
}
