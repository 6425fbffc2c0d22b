// The product's required documents against what the enterprise has (the application form) or
// shared (the officer's workbench): have, expired, missing.
import Link from 'next/link';
import type { ChecklistItem } from '@/lib/documents/requirements';
import type { Translate } from '@/lib/i18n/translate';

const TONE = { have: 'text-green-800', expired: 'text-amber-800', missing: 'text-red-700' } as const;

export function ShareChecklist({
  items,
  t,
  officer = false,
  vaultHref = '/enterprise/documents',
}: {
  items: ChecklistItem[];
  t: Translate;
  officer?: boolean;
  /** Where "upload what is missing" goes (lib/documents/vault-link.ts: the kind and the way back). */
  vaultHref?: string;
}) {
  return (
    <section aria-labelledby="doc-checklist" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="document-checklist">
      <h2 id="doc-checklist" className="font-semibold">
        {officer ? t('documents.officer.checklist') : t('documents.share.required')}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">{t('documents.share.none')}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {items.map((i) => (
            <li key={`${i.kind}-${i.year ?? ''}`} className="flex justify-between gap-3">
              <span>{i.year ? `${i.year} ${t(`documents.kinds.${i.kind}`)}` : t(`documents.kinds.${i.kind}`)}</span>
              <span className={`font-medium ${TONE[i.state]}`}>
                {officer
                  ? i.state === 'missing'
                    ? t('documents.officer.missing')
                    : i.state === 'expired'
                      ? t('documents.share.expired')
                      : t('documents.officer.received')
                  : t(`documents.share.${i.state}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!officer && items.some((i) => i.state !== 'have') && (
        <Link href={vaultHref} className="text-sm text-brand-700 underline">
          {t('documents.share.uploadMissing')}
        </Link>
      )}
    </section>
  );
}
