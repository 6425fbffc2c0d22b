import { Pager } from '@/components/ui/pager';
import { inputClass, secondaryButtonClass } from '@/components/ui/field';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime } from '@/lib/core/dates';
import { documentLabel, formatBytes } from '@/lib/documents/format';
import { documentsForAdmin } from '@/lib/documents/vault';
import { getLocale, getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('adminDocuments');
const PAGE = 50;

/**
 * Admins see what enterprises uploaded (metadata only). Opening a document's content is an
 * investigation: the reason goes with the request and into the access log the enterprise reads.
 */
export default async function AdminDocumentsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor(['admin'], '/admin/documents');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1);
  const { items, total } = await documentsForAdmin(await getDb(), actor, { limit: PAGE, offset: (page - 1) * PAGE });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('documents.admin.title')}</h1>
        <p className="text-slate-700">{t('documents.admin.lead')}</p>
      </div>
      {items.length === 0 ? (
        <p className="text-slate-700">{t('documents.list.empty')}</p>
      ) : (
        <ul className="space-y-2" data-testid="admin-documents">
          {items.map((v) => (
            <li key={v.id} className="space-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
              <p>
                <span className="font-medium">{v.enterpriseName}</span> · {documentLabel(t, v)} · {t('documents.list.version', { version: v.version })} ·{' '}
                {v.originalName} · {formatBytes(v.sizeBytes)} · {formatZoneDateTime(v.uploadedAt, locale)}
              </p>
              <form method="get" action={`/api/documents/${v.id}`} className="flex flex-wrap items-end gap-2">
                <label htmlFor={`reason-${v.id}`} className="text-slate-700">
                  {t('documents.admin.reason')}
                </label>
                <input id={`reason-${v.id}`} name="reason" required minLength={5} maxLength={500} className={`${inputClass} max-w-md`} />
                <button type="submit" className={secondaryButtonClass}>
                  {t('documents.admin.open')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Pager t={t} page={page} pages={Math.max(1, Math.ceil(total / PAGE))} href={(p) => `/admin/documents?page=${p}`} />
    </div>
  );
}
