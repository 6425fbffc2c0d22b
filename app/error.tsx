'use client';
// A page or action failed on the server: say so in the reader's language, offer a retry, and show
// the request id (x-request-id, set by proxy.ts and carried in the page's meta by the root layout)
// and the error's digest, which the server's log lines carry, for the administrator.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useI18n } from '@/components/i18n-provider';
import { buttonClass } from '@/components/ui/field';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  const [requestId, setRequestId] = useState<string>();
  useEffect(() => {
    setRequestId(document.querySelector('meta[name="x-request-id"]')?.getAttribute('content') ?? undefined);
  }, []);
  return (
    <div className="mx-auto max-w-2xl space-y-4 rounded-lg border border-red-200 bg-white p-6 shadow-sm" data-testid="error-page">
      <h1 className="text-2xl font-bold">{t('errorPage.title')}</h1>
      <p role="alert" className="text-slate-800">
        {t('errorPage.lead')}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {requestId && (
          <>
            <dt className="text-slate-600">{t('errorPage.requestId')}</dt>
            <dd className="break-all font-mono" data-testid="request-id">
              {requestId}
            </dd>
          </>
        )}
        {error.digest && (
          <>
            <dt className="text-slate-600">{t('errorPage.digest')}</dt>
            <dd className="break-all font-mono">{error.digest}</dd>
          </>
        )}
      </dl>
      <div className="flex flex-wrap gap-3">
        <button type="button" className={buttonClass} onClick={reset}>
          {t('errorPage.retry')}
        </button>
        <Link href="/" className="py-2 text-brand-700 underline">
          {t('errorPage.home')}
        </Link>
      </div>
    </div>
  );
}
