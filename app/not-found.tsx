// 404: what went wrong and where to go, with the request id for the administrator.
import Link from 'next/link';
import { requestId } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getT();
  const id = await requestId();
  return (
    <div className="mx-auto max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="not-found">
      <h1 className="text-2xl font-bold">{t('errorPage.notFoundTitle')}</h1>
      <p className="text-slate-800">{t('errorPage.notFoundLead')}</p>
      {id && (
        <p className="text-sm text-slate-600">
          {t('errorPage.requestId')}: <span className="break-all font-mono">{id}</span>
        </p>
      )}
      <Link href="/" className="inline-block text-brand-700 underline">
        {t('errorPage.home')}
      </Link>
    </div>
  );
}
