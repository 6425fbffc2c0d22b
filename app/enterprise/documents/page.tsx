import Link from 'next/link';
import { AccessLog } from '@/components/documents/access-log';
import { DocumentList } from '@/components/documents/document-list';
import { ConsentList } from '@/components/documents/consent-list';
import { UploadForm } from '@/components/documents/upload-form';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { vaultView } from '@/lib/documents/vault';
import { vaultQuery } from '@/lib/documents/vault-link';
import { getLocale, getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('enterpriseDocuments');

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<{ kind?: string | string[]; back?: string | string[] }> }) {
  const actor = await requirePageActor(['enterprise'], '/enterprise/documents');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  // Opened from a page that asks for a document: that kind, and the way back to it.
  const { kind, back } = vaultQuery(await searchParams);
  const v = await vaultView(await getDb(), actor);
  return (
    <div className="space-y-6">
      {back && (
        <nav aria-label="breadcrumb" className="text-sm">
          <Link href={back} className="text-brand-700 underline" data-testid="vault-back">
            {t(back.startsWith('/products/') ? 'documents.backToApply' : 'documents.backToApplication')}
          </Link>
        </nav>
      )}
      <div>
        <h1 className="text-2xl font-bold">{t('documents.title')}</h1>
        <p className="text-slate-700">{t('documents.lead')}</p>
      </div>
      <UploadForm ipAssets={v.ipAssets} initialKind={kind ?? undefined} />
      <DocumentList documents={v.documents} t={t} locale={locale} />
      <section aria-labelledby="consents" className="space-y-2">
        <h2 id="consents" className="text-lg font-semibold">
          {t('documents.consents.title')}
        </h2>
        <p className="text-sm text-slate-600">{t('documents.consents.lead')}</p>
        <ConsentList consents={v.consents} t={t} locale={locale} />
      </section>
      <section aria-labelledby="access" className="space-y-2">
        <h2 id="access" className="text-lg font-semibold">
          {t('documents.access.title')}
        </h2>
        <p className="text-sm text-slate-600">{t('documents.access.lead')}</p>
        <AccessLog rows={v.accessLog} t={t} locale={locale} />
      </section>
    </div>
  );
}
