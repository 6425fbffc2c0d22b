// The enterprise's consents in force, each with its withdraw button: on the documents page, and on
// the status page of an enterprise whose workspace is closed (it can still withdraw them there).
import { formatZoneDateTime } from '@/lib/core/dates';
import type { Locale, Translate } from '@/lib/i18n/translate';
import { RevokeConsentButton } from './revoke-consent-button';

export interface ConsentRow {
  id: string;
  institutionName: string;
  grantedAt: Date;
  expiresAt: Date;
}

export function ConsentList({ consents, t, locale }: { consents: ConsentRow[]; t: Translate; locale: Locale }) {
  if (consents.length === 0) return <p className="text-sm text-slate-700">{t('documents.consents.none')}</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="consents">
      {consents.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white p-2">
          <span>
            {t('documents.consents.row', {
              institution: c.institutionName,
              granted: formatZoneDateTime(c.grantedAt, locale),
              expires: formatZoneDateTime(c.expiresAt, locale),
            })}
          </span>
          <RevokeConsentButton consentId={c.id} institution={c.institutionName} />
        </li>
      ))}
    </ul>
  );
}
