// The vault's documents by kind: the current version with its download link, and the history.
import { formatZoneDateTime, zoneDay } from '@/lib/core/dates';
import { documentLabel, formatBytes } from '@/lib/documents/format';
import type { Locale, Translate } from '@/lib/i18n/translate';

export interface VaultDocument {
  id: string;
  kind: string;
  year: number | null;
  title?: string | null;
  expiresOn: string | null;
  ipNumber: string | null;
  currentVersionId: string | null;
  versions: { id: string; version: number; originalName: string; sizeBytes: number; uploadedAt: Date; supersededAt: Date | null; uploaderName: string }[];
}

export function DocumentList({ documents, t, locale }: { documents: VaultDocument[]; t: Translate; locale: Locale }) {
  if (documents.length === 0) return <p className="text-slate-700">{t('documents.list.empty')}</p>;
  const today = zoneDay();
  return (
    <ul className="space-y-3">
      {documents.map((d) => {
        const [current, ...older] = d.versions;
        const expired = d.expiresOn !== null && d.expiresOn < today;
        return (
          <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="document-row">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{documentLabel(t, d)}</h3>
              {d.expiresOn && (
                <span className={expired ? 'text-sm font-medium text-red-700' : 'text-sm text-slate-600'}>
                  {expired ? t('documents.list.expired') : t('documents.list.expires', { date: d.expiresOn })}
                </span>
              )}
            </div>
            {current && <VersionLine v={current} t={t} locale={locale} current />}
            {older.length > 0 && (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-slate-700">{t('documents.list.history', { n: older.length })}</summary>
                <ul className="mt-1 space-y-1">
                  {older.map((v) => (
                    <li key={v.id}>
                      <VersionLine v={v} t={t} locale={locale} />
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function VersionLine({ v, t, locale, current = false }: { v: VaultDocument['versions'][number]; t: Translate; locale: Locale; current?: boolean }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-700">
      <span>{t('documents.list.version', { version: v.version })}</span>
      <span>{current ? t('documents.list.current') : t('documents.list.superseded')}</span>
      <span className="font-medium text-slate-900">{v.originalName}</span>
      <span>{formatBytes(v.sizeBytes)}</span>
      <span>{t('documents.list.uploadedBy', { name: v.uploaderName, at: formatZoneDateTime(v.uploadedAt, locale) })}</span>
      <a href={`/api/documents/${v.id}`} className="text-brand-700 underline">
        {t('documents.list.download')}
      </a>
    </p>
  );
}
